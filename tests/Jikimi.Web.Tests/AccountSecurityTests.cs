using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jikimi.Application.Reminders;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Web.Tests;

/// <summary>MFA, password rules and the organization's MFA requirement through the API, on both databases.</summary>
public sealed class AccountSecurityTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Code(string sharedKey) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Totp_enrolment_then_sign_in_needs_a_code_or_a_recovery_code_once(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var admin = h.Client(await h.AdminAsync());
        var setup = await HttpAssert.Json(await admin.GetAsync("/api/v1/me/mfa"), HttpStatusCode.OK);
        Assert.False(setup.GetProperty("enabled").GetBoolean());
        var key = setup.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/Jikimi:", setup.GetProperty("otpAuthUri").GetString());

        await HttpAssert.Problem(await admin.PostAsJsonAsync("/api/v1/me/mfa", new { code = "000000" }), HttpStatusCode.UnprocessableEntity, "mfa.code_invalid");
        var codes = await HttpAssert.Json(await admin.PostAsJsonAsync("/api/v1/me/mfa", new { code = Code(key) }), HttpStatusCode.OK);
        Assert.Equal(10, codes.GetArrayLength());
        var recovery = codes[0].GetString()!;

        var anon = h.Client();
        await HttpAssert.Problem(await anon.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026" }), HttpStatusCode.Unauthorized, "auth.mfa_required");
        await HttpAssert.Problem(await anon.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026", code = "111111" }), HttpStatusCode.Unauthorized, "auth.mfa_failed");
        var code = Code(key);
        await HttpAssert.Json(await anon.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026", code }), HttpStatusCode.OK);
        // The same authenticator code again, still inside its time window, is refused (ASVS 2.8.4).
        await HttpAssert.Problem(await anon.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026", code }), HttpStatusCode.Unauthorized, "auth.mfa_failed");
        await HttpAssert.Json(await anon.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026", code = recovery }), HttpStatusCode.OK);
        // A recovery code works once.
        await HttpAssert.Problem(await anon.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026", code = recovery }), HttpStatusCode.Unauthorized, "auth.mfa_failed");
        var me = await HttpAssert.Json(await admin.GetAsync("/api/v1/me"), HttpStatusCode.OK);
        Assert.True(me.GetProperty("mfaEnabled").GetBoolean());
        Assert.Equal(9, me.GetProperty("recoveryCodesLeft").GetInt32());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task An_organization_that_requires_mfa_refuses_sessions_without_it(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var admin = h.Client(await h.AdminAsync());
        var org = await HttpAssert.Json(await admin.PostAsJsonAsync("/api/v1/orgs", new { name = "MFA 필수 조직" }), HttpStatusCode.Created);
        var orgId = org.GetProperty("id").GetString();
        var token = await HttpAssert.Json(await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/api-tokens", new { name = "ci", role = "viewer" }), HttpStatusCode.Created);

        await HttpAssert.Json(await admin.PutAsJsonAsync($"/api/v1/orgs/{orgId}/mfa-requirement", new { required = true }), HttpStatusCode.OK);
        await HttpAssert.Problem(await admin.GetAsync($"/api/v1/orgs/{orgId}/"), HttpStatusCode.Forbidden, "auth.mfa_required_by_organization");
        // Automation tokens are bound to the organization, not to a person's sign-in: they keep working.
        await HttpAssert.Json(await h.Client(token.GetProperty("token").GetString()).GetAsync($"/api/v1/orgs/{orgId}/"), HttpStatusCode.OK);
        // Turning MFA off is refused while the organization requires it.
        var key = (await HttpAssert.Json(await admin.GetAsync("/api/v1/me/mfa"), HttpStatusCode.OK)).GetProperty("sharedKey").GetString()!;
        await HttpAssert.Json(await admin.PostAsJsonAsync("/api/v1/me/mfa", new { code = Code(key) }), HttpStatusCode.OK);
        await HttpAssert.Problem(await admin.PostAsJsonAsync("/api/v1/me/mfa/disable", new { password = "Strong-pass-2026" }), HttpStatusCode.Forbidden, "auth.mfa_required_by_organization");
        // A session that passed MFA gets in.
        var login = await HttpAssert.Json(await h.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026", code = Code(key) }), HttpStatusCode.OK);
        await HttpAssert.Json(await h.Client(login.GetProperty("token").GetString()).GetAsync($"/api/v1/orgs/{orgId}/"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Password_change_refuses_weak_and_recent_passwords_and_ends_other_sessions(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var first = await h.AdminAsync();
        var other = await h.LoginAsync("ciso@a.kr", "Strong-pass-2026");
        var admin = h.Client(first);
        await HttpAssert.Problem(await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "wrong-pass-1", newPassword = "Another-pass-2027" }), HttpStatusCode.UnprocessableEntity, "password.current_wrong");
        await HttpAssert.Problem(await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Strong-pass-2026", newPassword = "qwer1234" }), HttpStatusCode.UnprocessableEntity, "password.rejected");
        await HttpAssert.Problem(await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Strong-pass-2026", newPassword = "Strong-pass-2026" }), HttpStatusCode.UnprocessableEntity, "password.reused");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Strong-pass-2026", newPassword = "Another-pass-2027" })).StatusCode);
        // Back to the previous one: refused (history), and the other session has ended.
        await HttpAssert.Problem(await admin.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Another-pass-2027", newPassword = "Strong-pass-2026" }), HttpStatusCode.UnprocessableEntity, "password.reused");
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.Client(other).GetAsync("/api/v1/me")).StatusCode);
        await HttpAssert.Json(await admin.GetAsync("/api/v1/me"), HttpStatusCode.OK);
        await h.LoginAsync("ciso@a.kr", "Another-pass-2027");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_member_is_told_when_their_password_mfa_or_api_tokens_change_and_nobody_else_sees_it(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var aliceId = (await HttpAssert.Json(await alice.GetAsync("/api/v1/me"), HttpStatusCode.OK)).GetProperty("user").GetProperty("id").GetGuid();
        Assert.True((await alice.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "Wonder-land-2026", newPassword = "Another-pass-2027" })).IsSuccessStatusCode);
        var key = (await HttpAssert.Json(await alice.GetAsync("/api/v1/me/mfa"), HttpStatusCode.OK)).GetProperty("sharedKey").GetString()!;
        await HttpAssert.Json(await alice.PostAsJsonAsync("/api/v1/me/mfa", new { code = Code(key) }), HttpStatusCode.OK);
        await HttpAssert.Json(await alice.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "mine", role = "viewer" }), HttpStatusCode.Created);
        await using (var scope = h.App.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DispatchReminders>().Handle(default)).Sent >= 3);
        }

        static List<(string Kind, Guid Subject)> Notices(JsonElement list) => [.. list.EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString()!.StartsWith("account_", StringComparison.Ordinal))
            .Select(n => (n.GetProperty("kind").GetString()!, n.GetProperty("subjectId").GetGuid()))];
        var mine = Notices(await HttpAssert.Json(await alice.GetAsync($"/api/v1/orgs/{w.A.Org}/notifications"), HttpStatusCode.OK));
        Assert.Equal(["account_mfa_changed", "account_password_changed", "account_tokens_changed"], mine.Select(n => n.Kind).Order(StringComparer.Ordinal));
        Assert.All(mine, n => Assert.Equal(aliceId, n.Subject));

        // The organization's other administrator sees only their own notices (the token World made), never Alice's.
        var others = Notices(await HttpAssert.Json(await h.Client(w.Root).GetAsync($"/api/v1/orgs/{w.A.Org}/notifications"), HttpStatusCode.OK));
        Assert.DoesNotContain(others, n => n.Subject == aliceId);
        Assert.Contains(others, n => n.Kind == "account_tokens_changed");
    }
}
