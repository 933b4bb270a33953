using Jikimi.Application.Tokens;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class ApiTokensModel(ListApiTokens list, CreateApiToken create, RevokeApiToken revoke) : OrgPage
{
    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

    /// <summary>Administrators manage the organization's tokens; an auditor manages their own (auditor-role) tokens.</summary>
    public bool MayManage => Role.CanAdminister() || Role == Domain.Organizations.Role.Auditor;

    /// <summary>An auditor's tokens carry the auditor role only; an administrator's never do (they would act for the administrator).</summary>
    public IEnumerable<string> RolesOffered => Role == Domain.Organizations.Role.Auditor
        ? ["auditor"]
        : Ui.UiText.Roles.Where(r => r != "auditor");

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? role, DateOnly? expiresOn, CancellationToken ct)
    {
        var r = await create.Handle(Access, new CreateApiTokenRequest(name, role, expiresOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), ct);
        await Load(ct);
        if (r.Error is { } e)
        {
            return Fail(e);
        }

        NewToken = r.Value!.Token; // this response only: a credential never travels through a redirect or cookie
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken ct)
    {
        var r = await revoke.Handle(Access, tokenId, ct);
        return r.Error is { } e ? Failed(e) : Done(L("폐기했습니다.", "Revoked."));
    }

    private async Task Load(CancellationToken ct)
    {
        if (MayManage)
        {
            Tokens = (await list.Handle(Access, ct)).Value ?? [];
        }
    }
}
