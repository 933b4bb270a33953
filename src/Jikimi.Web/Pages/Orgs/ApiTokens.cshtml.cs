using Jikimi.Application.Tokens;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class ApiTokensModel(ListApiTokens list, CreateApiToken create, RevokeApiToken revoke) : OrgPage
{
    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];

    public string? NewToken { get; private set; }

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
        if (Role.CanAdminister())
        {
            Tokens = (await list.Handle(Access, ct)).Value ?? [];
        }
    }
}
