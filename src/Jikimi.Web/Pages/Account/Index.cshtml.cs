using Jikimi.Application.Accounts;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Account;

public sealed class AccountModel(GetProfile profile, UpdatePreferences preferences, ChangePassword changePassword) : UiPage
{
    public ProfileView? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var p = await profile.Handle(Actor, ct);
        if (p.Error is { } e)
        {
            return NotFound();
        }

        Profile = p.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostPreferencesAsync(string? displayName, string? language, CancellationToken ct)
    {
        var r = await preferences.Handle(Actor, new UpdatePreferencesRequest(displayName, language), ct);
        if (r.Error is { } e)
        {
            return Failed(e);
        }

        Lang.Remember(HttpContext, r.Value!.Language);
        Lang.Apply(r.Value.Language);
        return Done(L("저장했습니다.", "Saved."));
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword, CancellationToken ct)
    {
        var r = await changePassword.Handle(Actor, Principal!.SessionId, new ChangePasswordRequest(currentPassword, newPassword), ct);
        return r.Error is { } e ? Failed(e) : Done(L("비밀번호를 바꿨습니다.", "Password changed."));
    }
}
