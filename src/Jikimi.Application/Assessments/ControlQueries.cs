using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

/// <summary>Aggregate reads shared by the control list, the control detail and readiness: grouped in the database, never row by row.</summary>
internal static class ControlQueries
{
    public static async Task<Dictionary<Guid, ResultCounts>> CountsByControlAsync(JikimiDb db, Guid assessmentId, CancellationToken ct) =>
        (await db.CheckItemAssessments.AsNoTracking()
            .Where(i => i.AssessmentId == assessmentId)
            .GroupBy(i => i.ControlAssessmentId)
            .Select(g => new
            {
                g.Key,
                F = g.Count(x => x.Result == CheckResult.Fulfilled),
                P = g.Count(x => x.Result == CheckResult.Partial),
                N = g.Count(x => x.Result == CheckResult.NotFulfilled),
                NA = g.Count(x => x.Result == CheckResult.NotApplicable),
                U = g.Count(x => x.Result == CheckResult.Unassessed),
            })
            .ToListAsync(ct))
        .ToDictionary(x => x.Key, x => new ResultCounts(x.F, x.P, x.N, x.NA, x.U));

    public static async Task<Dictionary<Guid, int>> EvidenceCountsAsync(JikimiDb db, Guid assessmentId, CancellationToken ct) =>
        (await db.EvidenceLinks.AsNoTracking()
            .Join(db.ControlAssessments.Where(c => c.AssessmentId == assessmentId), l => l.ControlAssessmentId, c => c.Id, (l, c) => l)
            .Join(db.Evidence.Where(e => e.DeletedAt == null), l => l.EvidenceId, e => e.Id, (l, e) => l.ControlAssessmentId)
            .GroupBy(id => id)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Count);

    public static ControlRow Row(ControlAssessment c, Edition edition, ResultCounts counts, int evidence, string? ownerName, DateOnly today)
    {
        var control = edition.Find(c.ControlId);
        var result = ControlResult.Derive(c.Applicable, c.Applicable ? counts : counts with { NotApplicable = counts.Total, Fulfilled = 0, Partial = 0, NotFulfilled = 0, Unassessed = 0 });
        return new ControlRow(
            c.Id,
            c.ControlId,
            c.DomainId,
            c.SubdomainId,
            control?.Title.Ko ?? c.ControlId,
            control?.Title.En ?? c.ControlId,
            c.Status.ToWire(),
            c.Applicable,
            c.NotApplicableReason,
            result.ToWire(),
            counts,
            c.OwnerUserId,
            ownerName,
            c.DueDate,
            c.DueDate is { } due && due < today && c.Status != WorkflowStatus.Done,
            evidence,
            c.Version);
    }

    public static Edition EditionOf(string edition) =>
        EditionId.TryParse(edition, out var id) ? CriteriaCatalog.Embedded[id] : CriteriaCatalog.Embedded[EditionId.IsmsP2023];
}
