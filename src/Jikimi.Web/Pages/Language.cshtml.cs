using Jikimi.Application.Accounts;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages;

/// <summary>The language switch: remembered in a cookie and, for a signed-in user, in their profile.</summary>
public sealed class LanguageModel(UpdatePreferences preferences, Authenticate authenticate) : UiPage
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? lang, string? returnUrl, CancellationToken ct)
    {
        var code = lang == "en" ? "en" : "ko";
        Lang.Remember(HttpContext, code);
        // Anonymous page: read the session cookie here to save the choice to the profile when signed in.
        if (await authenticate.Handle(SessionCookieAuthentication.Read(Request), ct) is { SessionId: not null } p)
        {
            await preferences.Handle(p.Actor, new UpdatePreferencesRequest(null, code), ct);
        }

        return LocalRedirect(SingleSignOn.LocalOrHome(returnUrl));
    }
}
