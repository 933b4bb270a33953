using Jikimi.Application.Assessments;
using Jikimi.Application.Evidence;
using Jikimi.Application.Programme;
using Jikimi.Application.Readiness;
using Jikimi.Application.Risk;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class DashboardModel(ListAssessments assessments, GetReadiness readiness, ListControls controls, ListEvidence evidence, ListRiskAssessments riskAssessments, ListTreatmentDueItems dueItems, ListOperationsDue operationsDue) : OrgPage
{
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
