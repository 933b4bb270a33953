using Jikimi.Application.AuditTrail;
using Jikimi.Domain.AuditTrail;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Admin;

/// <summary>
/// The audit-trail check for instance administrators (ADR 0052, 0068): the same use case as
/// GET /api/v1/admin/audit-trail/verify and `jikimi verify audit-trail`. Anyone else gets 404, as if the page did not exist.
/// </summary>
public sealed class AuditTrailModel(VerifyAuditTrail verify) : UiPage
{
    public AuditTrailReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await verify.HandleFor(Actor, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        Report = r.Value;
        return Page();
    }

    /// <summary>What went wrong, in the reader's language; the anchor file is named where the chain disagrees with one.</summary>
    public static string Describe(ChainBreak b) => b.Kind switch
    {
        ChainBreakKind.Missing => L($"#{b.Sequence} 기록이 없습니다: 중간 기록이 삭제되었습니다.", $"Event #{b.Sequence} is missing: a row was deleted."),
        ChainBreakKind.Unlinked => L($"#{b.Sequence} 기록이 앞 기록과 이어지지 않습니다.", $"Event #{b.Sequence} does not link to the event before it."),
        ChainBreakKind.Altered => L($"#{b.Sequence} 기록이 작성 후 변경되었습니다 (해시 불일치).", $"Event #{b.Sequence} was changed after it was written (hash mismatch)."),
        ChainBreakKind.Truncated => L($"기록이 #{b.Sequence - 1}에서 끝나지만 앵커 {b.Anchor}에는 그 뒤의 기록이 있습니다: 최신 기록이 삭제되었습니다.",
            $"The chain ends at #{b.Sequence - 1} but anchor {b.Anchor} recorded later events: the newest events were deleted."),
        ChainBreakKind.Rewritten => L($"#{b.Sequence} 기록이 앵커 {b.Anchor}에 기록된 것과 다릅니다: 다시 작성되었습니다.",
            $"Event #{b.Sequence} is not the one anchor {b.Anchor} recorded: it was rewritten."),
        _ => b.Problem,
    };
}
