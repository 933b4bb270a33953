using Jikimi.Application.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Jikimi.Web.Pages;

[EnableRateLimiting(HostSetup.AuthLimiter)]
public sealed class InvitationModel(AcceptInvitation accept) : UiPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accept.Handle(new AcceptInvitationRequest(Token, Password), ct);
        Password = null;
        if (result.Error is { } e)
        {
            return Fail(e);
        }

        Flash = L("비밀번호가 설정되었습니다. 로그인하세요.", "Your password is set. Sign in.");
        return RedirectToPage("/Login");
    }
}
