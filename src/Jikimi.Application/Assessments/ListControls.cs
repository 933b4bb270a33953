using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

public sealed record ControlFilter(string? Status = null, string? Result = null, Guid? Owner = null, string? Subdomain = null, bool OverdueOnly = false);

/// <summary>The controls of an assessment with their derived result, counts, owner, due date and evidence count.</summary>
public sealed class ListControls(JikimiDb db, TimeProvider clock, ReadCache cache)
{
    public async Task<Result<IReadOnlyList<ControlRow>>> Handle(OrgAccess access, Guid assessmentId, ControlFilter filter, CancellationToken ct)
    {
        var generation = await cache.VersionAsync(db, access.OrganizationId);
        var key = $"controls:{access.OrganizationId}:{assessmentId}:{filter}:{DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)}";
        if (cache.TryGet<IReadOnlyList<ControlRow>>(key, generation, out var cached))
        {
            return Result<IReadOnlyList<ControlRow>>.From(cached);
        }

        var computed = await Compute(assessmentId, filter, ct);
        if (computed.Value is { } rows)
        {
            cache.Set(key, generation, rows);
        }

        return computed;
    }

    private async Task<Result<IReadOnlyList<ControlRow>>> Compute(Guid assessmentId, ControlFilter filter, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var query = db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == assessmentId);
        if (filter.Status is not null)
        {
            if (!AssessmentWire.TryParseStatus(filter.Status, out var status))
            {
                return new Invalid("status", "status must be to-do, in-progress, in-review or done.");
            }

            query = query.Where(c => c.Status == status);
        }

        if (filter.Owner is { } owner)
        {
            query = query.Where(c => c.OwnerUserId == owner);
        }

        if (!string.IsNullOrWhiteSpace(filter.Subdomain))
        {
            query = query.Where(c => c.SubdomainId == filter.Subdomain || c.DomainId == filter.Subdomain);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (filter.OverdueOnly)
        {
            query = query.Where(c => c.DueDate < today && c.Status != WorkflowStatus.Done);
        }

        var controls = await query.OrderBy(c => c.Position)
            .GroupJoin(db.Users, c => c.OwnerUserId, u => u.Id, (c, us) => new { c, us })
            .SelectMany(x => x.us.DefaultIfEmpty(), (x, u) => new { x.c, Owner = u == null ? null : u.DisplayName })
            .ToListAsync(ct);
        var counts = await ControlQueries.CountsByControlAsync(db, assessmentId, ct);
        var evidence = await ControlQueries.EvidenceCountsAsync(db, assessmentId, ct);
        var edition = ControlQueries.EditionOf(assessment.Edition);
        var rows = controls.Select(x => ControlQueries.Row(x.c, edition, counts.GetValueOrDefault(x.c.Id, ResultCounts.Zero), evidence.GetValueOrDefault(x.c.Id), x.Owner, today));
        if (filter.Result is not null)
        {
            if (!AssessmentWire.TryParseResult(filter.Result, out var r))
            {
                return new Invalid("result", "result must be fulfilled, partial, not-fulfilled, not-applicable or unassessed.");
            }

            rows = rows.Where(x => x.Result == r.ToWire());
        }

        return Result<IReadOnlyList<ControlRow>>.From(rows.ToList());
    }
}
