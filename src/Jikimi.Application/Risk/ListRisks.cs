using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>aboveDoa = only risks scoring above the acceptable level; status = open, planned, treated or accepted.</summary>
public sealed record RiskFilter(bool AboveDoa = false, string? Status = null, Guid? AssetId = null, int Page = 1, int PageSize = 100);

/// <summary>A year's risks, highest score first, one page at a time.</summary>
public sealed class ListRisks(JikimiDb db)
{
    public const int MaxPageSize = 500;

    public async Task<Result<RiskPage>> Handle(OrgAccess access, Guid riskAssessmentId, RiskFilter filter, CancellationToken ct)
    {
        var ra = await db.Set<RiskAssessment>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == riskAssessmentId, ct);
        if (ra is null)
        {
            return new NotFound("risk_assessment", riskAssessmentId.ToString());
        }

        if (filter.Page < 1 || filter.PageSize is < 1 or > MaxPageSize)
        {
            return new Invalid("page", $"page starts at 1 and pageSize is 1–{MaxPageSize}.");
        }

        var q = db.Set<AssessedRisk>().AsNoTracking().Where(r => r.RiskAssessmentId == riskAssessmentId);
        if (filter.AboveDoa)
        {
            // No level set yet: nothing can be above it.
            var doa = ra.AcceptableLevel ?? int.MaxValue;
            q = q.Where(r => r.Score > doa);
        }

        if (filter.AssetId is { } assetId)
        {
            q = q.Where(r => r.AssetId == assetId);
        }

        switch (filter.Status?.Trim().ToLowerInvariant())
        {
            case null or "":
                break;
            case "accepted":
                q = q.Where(r => r.AcceptedAt != null);
                break;
            case "treated":
                q = q.Where(r => r.AcceptedAt == null && r.CompletedAt != null);
                break;
            case "planned":
                q = q.Where(r => r.AcceptedAt == null && r.CompletedAt == null && r.Strategy != TreatmentStrategy.None);
                break;
            case "open":
                q = q.Where(r => r.AcceptedAt == null && r.CompletedAt == null && r.Strategy == TreatmentStrategy.None);
                break;
            default:
                return new Invalid("status", "status must be open, planned, treated or accepted.");
        }

        var total = await q.CountAsync(ct);
        var page = await q.OrderByDescending(r => r.Score).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return new RiskPage(await RiskRows.ViewsAsync(db, page, ra.AcceptableLevel, ct), total, filter.Page, filter.PageSize, ra.AcceptableLevel);
    }
}
