using Jikimi.Application.Assessments;
using Jikimi.Application.Cloud;
using Jikimi.Application.Evidence;
using Jikimi.Application.Programme;
using Jikimi.Application.Readiness;
using Jikimi.Application.Risk;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Pages.Orgs;

public sealed class DashboardModel(ListAssessments assessments, GetReadiness readiness, ListControls controls, ListEvidence evidence, ListRiskAssessments riskAssessments, ListTreatmentDueItems dueItems,
    GetInheritance inheritance, ListCloudProviders providers, ListOperationsDue operationsDue, IOptions<Application.Reminders.ReminderOptions> reminders, TimeProvider clock) : OrgPage
{
    /// <summary>Inherited or shared controls whose provider certificate lapsed, is undated or missing (banner when above 0).</summary>
    public int CloudNeedsEvidence { get; private set; }

    /// <summary>Provider certificates the organization relies on that end within the reminder lead time.</summary>
    public IReadOnlyList<ProviderSide> CloudExpiring { get; private set; } = [];

    /// <summary>Provider display names by key (Korean, English), so the banners name "Microsoft Azure", not "azure".</summary>
    public IReadOnlyDictionary<string, (string Ko, string En)> ProviderNames { get; private set; } = new Dictionary<string, (string, string)>();

    /// <summary>The provider's display name in the page's language, or its key when unknown.</summary>
    public string ProviderName(string key) => ProviderNames.TryGetValue(key, out var n) ? L(n.Ko, n.En) : key;

    /// <summary>What the management system must do by the end of this month (and what is late); null for auditors, who do not see operating records.</summary>
    public IReadOnlyList<OperationsDueItem>? OperationsDue { get; private set; }

    /// <summary>The newest risk assessment, for the risk card (null: none yet, no card).</summary>
    public RiskAssessmentView? RiskAssessment { get; private set; }

    public int OverdueTreatments { get; private set; }

    public IReadOnlyList<AssessmentView> Assessments { get; private set; } = [];

    public AssessmentView? Assessment { get; private set; }

    public ReadinessView? Readiness { get; private set; }

    public IReadOnlyList<ControlRow> Overdue { get; private set; } = [];

    public IReadOnlyList<EvidenceView> Expiring { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? assessment, CancellationToken ct)
    {
        Assessments = await assessments.Handle(Access, ct);
        Assessment = Assessments.FirstOrDefault(a => a.Id == assessment) ?? Assessments.FirstOrDefault();
        RiskAssessment = (await riskAssessments.Handle(Access, ct)).FirstOrDefault();
        var cloud = await inheritance.Handle(Access, ct);
        CloudNeedsEvidence = cloud.Summary.NeedsEvidence;
        var limit = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(reminders.Value.ProviderCertificateLeadDays);
        CloudExpiring = cloud.Controls.SelectMany(c => c.Providers)
            .Where(p => p.CertificateStatus == "valid" && p.ExpiresOn <= limit)
            .DistinctBy(p => (p.Provider, p.Kind, p.Number)).ToList();
        if (CloudExpiring.Count > 0)
        {
            ProviderNames = (await providers.Handle(Actor, ct)).ToDictionary(p => p.Key, p => (p.NameKo, p.NameEn), StringComparer.Ordinal);
        }
        if (Role != Jikimi.Domain.Organizations.Role.Auditor)
        {
            OperationsDue = await operationsDue.Handle(Access, ct);
        }

        if (RiskAssessment is not null)
        {
            OverdueTreatments = (await dueItems.Handle(Access, owner: null, overdueOnly: true, ct)).Count;
        }

        if (Assessment is null)
        {
            return Page();
        }

        var r = await readiness.Handle(Access, Assessment.Id, includeControls: false, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        Readiness = r.Value;
        Overdue = (await controls.Handle(Access, Assessment.Id, new ControlFilter(OverdueOnly: true), ct)).Value ?? [];
        Expiring = (await evidence.Handle(Access, new EvidenceFilter(ExpiringWithinDays: 30, Take: 20), ct)).Items;
        return Page();
    }
}
