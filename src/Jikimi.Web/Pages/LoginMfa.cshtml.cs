using System.Security.Cryptography;
using Jikimi.Application.Accounts;
using Jikimi.Application.Data;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Jikimi.Web.Pages;

[EnableRateLimiting(HostSetup.AuthLimiter)]
public sealed class LoginMfaModel(VerifySecondFactor verify, StartSession start, UserManager<JikimiUser> users, IDataProtectionProvider protection) : UiPage
{
    public const string Purpose = "Jikimi.LoginMfa.v1";
    public const string CookieName = "jikimi_mfa";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public IActionResult OnGet() => PendingUserId() is null ? RedirectToPage("/Login") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (PendingUserId() is not { } userId || await users.FindByIdAsync(userId) is not { } user)
        {
            return RedirectToPage("/Login");
        }

        var ok = await verify.Handle(user, Code, ct);
        Code = null;
        if (ok.Error is { } e)
        {
            return Fail(e);
        }

        var session = await start.Handle(user, mfa: true, "password+totp", ct);
        if (session.Error is { } se)
        {
            return Fail(se);
        }

        Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/login" });
        SessionCookieAuthentication.Issue(HttpContext, session.Value!.Token);
        Lang.Remember(HttpContext, session.Value.User.Language);
        return LocalRedirect(SingleSignOn.LocalOrHome(ReturnUrl));
    }

    private string? PendingUserId()
    {
        var ticket = Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            return protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(ticket);
        }
        catch (CryptographicException)
        {
            return null; // expired or forged
        }
    }
}
