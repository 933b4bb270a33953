using Jikimi.Application.Accounts;
using Jikimi.Application.Data;
using Jikimi.Application.Setup;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Web.Pages;

[EnableRateLimiting(HostSetup.AuthLimiter)]
public sealed class SetupModel(JikimiDb db, CompleteSetup setup, StartSession start, UserManager<JikimiUser> users) : UiPage
{
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Required { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Required = !await db.Users.AnyAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Required = true;
        var created = await setup.Handle(new CompleteSetupRequest(Token, Email, DisplayName, Password, Lang.Code), ct);
        Password = null;
        if (created.Error is { } e)
        {
            return Fail(e);
        }

        var user = (await users.FindByIdAsync(created.Value!.Id.ToString()))!;
        var session = await start.Handle(user, mfa: false, "setup", ct);
        if (session.Error is { } se)
        {
            return Fail(se);
        }

        SessionCookieAuthentication.Issue(HttpContext, session.Value!.Token);
        Flash = L("관리자가 만들어졌습니다. 계정 보안을 위해 2단계 인증을 설정하세요.", "The administrator is ready. Set up two-step verification to protect the account.");
        return Redirect("/");
    }
}
