using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Readiness;

public sealed record ReadinessGroup(string Id, string TitleKo, string TitleEn, ResultCounts Counts, double? Readiness);

public sealed record ControlReadiness(string ControlId, string Result, ResultCounts Counts, double? Readiness);

public sealed record ReadinessView(
    Guid AssessmentId,
    int Year,
    ResultCounts Overall,
    double? Readiness,
    IReadOnlyList<ReadinessGroup> Domains,
    IReadOnlyList<ReadinessGroup> Subdomains,
    IReadOnlyList<ControlReadiness>? Controls,
    ControlStatusCounts Workflow,
    int OverdueControls,
    int EvidenceExpiringIn30Days);

public sealed record ControlStatusCounts(int ToDo, int InProgress, int InReview, int Done);

/// <summary>
/// Readiness per check item (the results), control, sub-domain, domain and overall. Counted by the database with
/// GROUP BY (same SQL shape on SQLite and PostgreSQL); only the 21 sub-domain rows are rolled up here.
/// Check items of a control marked not applicable count as not applicable.
/// </summary>
public sealed class GetReadiness(JikimiDb db, TimeProvider clock, ReadCache cache)
{
    public async Task<Result<ReadinessView>> Handle(OrgAccess access, Guid assessmentId, bool includeControls, CancellationToken ct)
    {
        var generation = await cache.VersionAsync(db, access.OrganizationId);
        var key = $"readiness:{access.OrganizationId}:{assessmentId}:{includeControls}:{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)}";
        if (cache.TryGet<ReadinessView>(key, generation, out var cached))
        {
            return cached;
        }

        var computed = await Compute(assessmentId, includeControls, ct);
        if (computed.Value is { } view)
        {
            cache.Set(key, generation, view);
        }

        return computed;
    }

    private async Task<Result<ReadinessView>> Compute(Guid assessmentId, bool includeControls, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var items = db.CheckItemAssessments.AsNoTracking().Where(i => i.AssessmentId == assessmentId)
            .Join(db.ControlAssessments, i => i.ControlAssessmentId, c => c.Id, (i, c) => new { c.SubdomainId, c.ControlId, c.Applicable, i.Result });
        var bySubdomain = await items.GroupBy(x => x.SubdomainId).Select(g => new
        {
            g.Key,
            F = g.Count(x => x.Applicable && x.Result == CheckResult.Fulfilled),
            P = g.Count(x => x.Applicable && x.Result == CheckResult.Partial),
            N = g.Count(x => x.Applicable && x.Result == CheckResult.NotFulfilled),
            NA = g.Count(x => !x.Applicable || x.Result == CheckResult.NotApplicable),
            U = g.Count(x => x.Applicable && x.Result == CheckResult.Unassessed),
        }).ToListAsync(ct);

        var edition = ControlQueries.EditionOf(assessment.Edition);
        var counts = bySubdomain.ToDictionary(x => x.Key, x => new ResultCounts(x.F, x.P, x.N, x.NA, x.U));
        var subdomains = edition.Subdomains.Where(s => counts.ContainsKey(s.Id))
            .Select(s => Group(s.Id, s.Title.Ko, s.Title.En, counts[s.Id])).ToList();
        var domains = edition.Domains
            .Select(d => (d, c: d.Subdomains.Where(s => counts.ContainsKey(s.Id)).Aggregate(ResultCounts.Zero, (acc, s) => acc.Add(counts[s.Id]))))
            .Where(x => x.c.Total > 0)
            .Select(x => Group(x.d.Id, x.d.Title.Ko, x.d.Title.En, x.c)).ToList();
        var overall = subdomains.Aggregate(ResultCounts.Zero, (acc, s) => acc.Add(s.Counts));

        List<ControlReadiness>? controls = null;
        if (includeControls)
        {
            var byControl = await items.GroupBy(x => new { x.ControlId, x.Applicable }).Select(g => new
            {
                g.Key.ControlId,
                g.Key.Applicable,
                F = g.Count(x => x.Result == CheckResult.Fulfilled),
                P = g.Count(x => x.Result == CheckResult.Partial),
                N = g.Count(x => x.Result == CheckResult.NotFulfilled),
                NA = g.Count(x => x.Result == CheckResult.NotApplicable),
                U = g.Count(x => x.Result == CheckResult.Unassessed),
            }).ToListAsync(ct);
            controls = byControl
                .Select(x => (x, c: x.Applicable ? new ResultCounts(x.F, x.P, x.N, x.NA, x.U) : new ResultCounts(0, 0, 0, x.F + x.P + x.N + x.NA + x.U, 0)))
                .OrderBy(x => x.x.ControlId, Catalog.Search.ControlIdComparer.Instance)
                .Select(x => new ControlReadiness(x.x.ControlId, ControlResult.Derive(x.x.Applicable, x.c).ToWire(), x.c, x.c.Readiness))
                .ToList();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var workflow = await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == assessmentId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count(), Late = g.Count(c => c.DueDate < today) }).ToListAsync(ct);
        var overdue = workflow.Where(w => w.Key != WorkflowStatus.Done).Sum(w => w.Late);
        var soon = today.AddDays(30);
        var expiring = await db.Evidence.AsNoTracking().CountAsync(e => e.DeletedAt == null && e.ExpiresOn != null && e.ExpiresOn <= soon, ct);
        int W(WorkflowStatus s) => workflow.FirstOrDefault(w => w.Key == s)?.Count ?? 0;
        return new ReadinessView(assessment.Id, assessment.Year, overall, overall.Readiness, domains, subdomains, controls,
            new ControlStatusCounts(W(WorkflowStatus.ToDo), W(WorkflowStatus.InProgress), W(WorkflowStatus.InReview), W(WorkflowStatus.Done)), overdue, expiring);
    }

    private static ReadinessGroup Group(string id, string ko, string en, ResultCounts c) => new(id, ko, en, c, c.Readiness);
}
