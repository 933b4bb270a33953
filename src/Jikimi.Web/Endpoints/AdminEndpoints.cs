using Jikimi.Application.AuditTrail;
using Jikimi.Domain.AuditTrail;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Endpoints;

/// <summary>One broken chain as the API shows it: kind (missing, unlinked, altered, truncated, rewritten) and the anchor it disagrees with.</summary>
public sealed record AuditTrailBreakView(string Chain, long Sequence, Guid? EventId, ChainBreakKind Kind, string? Anchor, string Problem);

/// <summary>The verify result: "ok" or "broken", what was checked, each chain's first break and every refused anchor.</summary>
public sealed record AuditTrailVerification(string Status, int Chains, long Events, int Anchors, string? LatestAnchor,
    IReadOnlyList<AuditTrailBreakView> Breaks, IReadOnlyList<AnchorProblem> AnchorProblems)
{
    public static AuditTrailVerification From(AuditTrailReport r) => new(r.Intact ? "ok" : "broken", r.Chains, r.Events, r.Anchors, r.LatestAnchor,
        [.. r.Breaks.Select(b => new AuditTrailBreakView(b.Chain, b.Sequence, b.EventId, b.Kind, b.Anchor, b.Problem))], r.AnchorProblems);
}

/// <summary>Instance administration: endpoints outside any organization that only an instance administrator may call.</summary>
public static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration");
        admin.MapGet("/audit-trail/verify", async (HttpContext http, VerifyAuditTrail h, CancellationToken ct) =>
            {
                var r = await h.HandleFor(http.Actor(), ct);
                return r.Error is { } e ? Problems.From(e) : TypedResults.Ok(AuditTrailVerification.From(r.Value!));
            })
            .Produces<AuditTrailVerification>()
            .WithSummary("Recompute every audit chain and compare it with the newest signed anchors (ADR 0052): ok, the first broken event of each chain, or a tail cut off behind an anchor (instance administrators).");
    }
}
