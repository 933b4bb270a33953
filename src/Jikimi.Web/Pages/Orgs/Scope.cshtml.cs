using Jikimi.Application.Scope;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class ScopeModel(GetScope get, UpdateScope update, SaveScopeItem save, RemoveScopeItem remove) : OrgPage
{
    public static readonly string[] Kinds = ["service", "information-system", "site", "cloud-service", "major-facility", "system-diagram", "major-document", "other-certification"];

    public ScopeView? Scope { get; private set; }

    public bool CanEdit => Role.CanManageWorkspace();

    public async Task OnGetAsync(CancellationToken ct) => Scope = await get.Handle(Access, ct);

    public async Task<IActionResult> OnPostScopeAsync(string? certification, string? edition, string? description, string? methodsAndProcedures, int version, CancellationToken ct)
    {
        var r = await update.Handle(Access, new UpdateScopeRequest(certification, edition, description, methodsAndProcedures, version), ct);
        return r.Error is { } e ? Failed(e) : Done(L("저장했습니다.", "Saved."));
    }

    public async Task<IActionResult> OnPostAddAsync(string? kind, string? name, string? description, string? provider, string? region, DateOnly? validUntil, CancellationToken ct)
    {
        var r = await save.Handle(Access, null, new ScopeItemRequest(kind, name, Empty(description), Empty(provider), Empty(region), null, validUntil), ct);
        return r.Error is { } e ? Failed(e) : Done(L("추가했습니다.", "Added."));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid itemId, CancellationToken ct)
    {
        var r = await remove.Handle(Access, itemId, ct);
        return r.Error is { } e ? Failed(e) : Done(L("삭제했습니다.", "Removed."));
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
