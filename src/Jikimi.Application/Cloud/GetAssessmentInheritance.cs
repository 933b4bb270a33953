using Jikimi.Application.Assessments;
using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Cloud;

/// <param name="Recorded">The check-item results people recorded (the readiness the API reports).</param>
/// <param name="WithInheritance">
/// The same, with each unassessed check item that is inherited from a provider whose certificate vouches for it today
/// counted as fulfilled (satisfied by reference to that certificate). Results people recorded are never changed.
/// </param>
/// <param name="InheritedItemsCounted">How many unassessed check items that rule counted as fulfilled.</param>
public sealed record AssessmentInheritanceView(
    Guid AssessmentId, InheritanceSummary Summary, ResultCounts Recorded, ResultCounts WithInheritance, int InheritedItemsCounted,
    IReadOnlyList<ProviderInfo> Providers, IReadOnlyList<CertificateView> Certificates, IReadOnlyList<ControlInheritance> Controls)
{
    public double? Readiness => Recorded.Readiness;

    public double? ReadinessWithInheritance => WithInheritance.Readiness;
}

/// <summary>
/// One assessment seen through the organization's cloud usage (ADR 0046, 0062): every control as inherited, shared or
/// own under the assessment's certification and edition, and readiness both as recorded and with inherited check items
/// satisfied by the provider's valid certificate. The readiness report and the statement export build on it.
/// </summary>
public sealed class GetAssessmentInheritance(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<AssessmentInheritanceView>> Handle(OrgAccess access, Guid assessmentId, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var today = AuditScope.Today(clock);
        var usages = await db.CloudUsages.AsNoTracking().Where(u => u.OrganizationId == access.OrganizationId).ToListAsync(ct);
        var certificates = await CloudDirectory.CertificatesAsync(db, access.OrganizationId, today, ct);
        var view = Inheritance.Compute(assessment.Certification, assessment.Edition, usages, certificates);

        // Check items that a covered provider side performs alone: satisfied by reference when nobody recorded a result.
        var byReference = view.Controls.Where(c => c.State == "covered")
            .SelectMany(c => c.CheckItems.Where(i => i.Inheritance == "inherited").Select(i => i.Id))
            .ToHashSet(StringComparer.Ordinal);
        var items = await db.CheckItemAssessments.AsNoTracking().Where(i => i.AssessmentId == assessmentId)
            .Join(db.ControlAssessments, i => i.ControlAssessmentId, c => c.Id, (i, c) => new { i.CheckItemId, c.Applicable, i.Result })
            .ToListAsync(ct);
        int f = 0, p = 0, n = 0, na = 0, u = 0, counted = 0;
        foreach (var i in items)
        {
            switch (i.Applicable ? i.Result : CheckResult.NotApplicable)
            {
                case CheckResult.Fulfilled: f++; break;
                case CheckResult.Partial: p++; break;
                case CheckResult.NotFulfilled: n++; break;
                case CheckResult.NotApplicable: na++; break;
                default:
                    u++;
                    if (byReference.Contains(i.CheckItemId))
                    {
                        counted++;
                    }

                    break;
            }
        }

        var recorded = new ResultCounts(f, p, n, na, u);
        var withInheritance = new ResultCounts(f + counted, p, n, na, u - counted);
        return new AssessmentInheritanceView(assessment.Id, view.Summary, recorded, withInheritance, counted,
            await CloudDirectory.ProvidersAsync(db, ct), view.Certificates, view.Controls);
    }
}
