using Jikimi.Application.Accounts;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace Jikimi.Web.Pages.Account;

[EnableRateLimiting(HostSetup.AuthLimiter)]
public sealed class MfaModel(GetAuthenticatorSetup setup, EnableAuthenticator enable, RegenerateRecoveryCodes regenerate, DisableAuthenticator disable) : UiPage
{
    public AuthenticatorSetup? Setup { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty(SupportsGet = true, Name = "required")]
    public Guid? RequiredBy { get; set; }

    public string QrDataUri { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    public async Task<IActionResult> OnPostEnableAsync(string? code, CancellationToken ct)
    {
        var r = await enable.Handle(Actor, code, ct);
        if (r.Error is { } e)
        {
            ModelState.AddModelError(string.Empty, UiErrors.Message(e));
            return await Show(ct);
        }

        RecoveryCodes = r.Value;
        Flash = L("2단계 인증을 켰습니다. 다음 로그인부터 코드가 필요합니다.", "Two-step verification is on. Sign-ins now ask for a code.");
        return await Show(ct);
    }

    public async Task<IActionResult> OnPostRecoveryAsync(CancellationToken ct)
    {
        var r = await regenerate.Handle(Actor, ct);
        if (r.Error is { } e)
        {
            return Failed(e);
        }

        RecoveryCodes = r.Value;
        return await Show(ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(string? password, CancellationToken ct)
    {
        var r = await disable.Handle(Actor, password, ct);
        return r.Error is { } e ? Failed(e) : Done(L("2단계 인증을 껐습니다.", "Two-step verification is off."));
    }

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        var s = await setup.Handle(Actor, ct);
        if (s.Error is not null)
        {
            return NotFound();
        }

        Setup = s.Value;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Setup!.OtpAuthUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        QrDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
        return Page();
    }
}
