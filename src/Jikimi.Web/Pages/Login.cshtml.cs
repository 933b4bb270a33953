using Jikimi.Application.Accounts;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Jikimi.Web.Pages;

[EnableRateLimiting(HostSetup.AuthLimiter)]
public sealed class LoginModel(CheckPassword password, StartSession start, IDataProtectionProvider protection, IOptions<OidcSettings> sso) : UiPage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public OidcSettings Sso => sso.Value;

    public string? SsoError { get; private set; }

    public void OnGet(string? error) => SsoError = error switch
    {
        null => null,
        "auth.sso_unknown_user" => L("이 이메일의 Jikimi 계정이 없습니다. 관리자에게 초대를 요청하세요.", "No Jikimi account has this e-mail: ask an administrator to invite you first."),
        "auth.sso_email_unverified" => L("ID 제공자가 이메일을 확인하지 않았습니다.", "The identity provider did not confirm the e-mail address."),
        "auth.locked" => L("계정이 잠시 잠겼습니다.", "The account is locked for a while."),
        _ => L("SSO 로그인이 완료되지 않았습니다.", "Single sign-on did not complete."),
    };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var checkedUser = await password.Handle(Email, Password, ct);
        if (checkedUser.Error is { } e)
        {
            Password = null;
            return Fail(e);
        }

        var (user, needsCode) = checkedUser.Value!;
        if (needsCode)
        {
            // The password step is remembered for five minutes in a protected cookie; the code completes it.
            var ticket = protection.CreateProtector(LoginMfaModel.Purpose).ToTimeLimitedDataProtector()
                .Protect(user.Id.ToString(), TimeSpan.FromMinutes(5));
            Response.Cookies.Append(LoginMfaModel.CookieName, ticket, new CookieOptions { HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/login" });
            return RedirectToPage("/LoginMfa", new { returnUrl = SingleSignOn.LocalOrHome(ReturnUrl) });
        }

        var session = await start.Handle(user, mfa: false, "password", ct);
        if (session.Error is { } se)
        {
            return Fail(se);
        }

        SessionCookieAuthentication.Issue(HttpContext, session.Value!.Token);
        Lang.Remember(HttpContext, session.Value.User.Language);
        return LocalRedirect(SingleSignOn.LocalOrHome(ReturnUrl));
    }
}
