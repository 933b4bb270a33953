using Jikimi.Application.Accounts;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages;

public sealed class LogoutModel(SignOut signOut) : UiPage
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(bool everywhere, CancellationToken ct)
    {
        await signOut.Handle(Actor, Principal!.SessionId, everywhere, ct);
        SessionCookieAuthentication.Clear(HttpContext);
        return Redirect("/login");
    }
}
