using System.Net.Http.Json;
using Jikimi.TestSupport.Data;
using static Microsoft.Playwright.Assertions;

namespace Jikimi.E2E;

/// <summary>OpenID Connect sign-in against a real provider started here, in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SingleSignOnTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sso_signs_in_known_users_and_refuses_unknown_or_unverified_ones()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string>
        {
            ["Auth:Oidc:Enabled"] = "true",
            ["Auth:Oidc:Authority"] = provider.Authority,
            ["Auth:Oidc:ClientId"] = "jikimi",
            ["Auth:Oidc:ClientSecret"] = "jikimi-test-secret",
            ["Auth:Oidc:DisplayName"] = "Hanbit IdP",
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Auth:Oidc:GetClaimsFromUserInfoEndpoint"] = "false",
        });
        await provider.RegisterClientAsync("jikimi", "jikimi-test-secret", app.BaseUrl);
        using (var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            var setup = await http.PostAsJsonAsync("/api/v1/setup", new { setupToken = app.SetupToken, email = "sso@jikimi.test", displayName = "정보보호 책임자", password = "Strong-pass-2026" });
            Assert.True(setup.IsSuccessStatusCode, await setup.Content.ReadAsStringAsync());
        }

        var page = await browser.NewPageAsync();
        page.Context.SetDefaultTimeout(60_000); // three redirects and a back-channel token exchange, on a loaded 2-core CI box
        try
        {
            await Flow(app, provider, page);
        }
        catch
        {
            await Shots.TakeAsync(page, "sso-FAILED");
            throw;
        }
    }

    private static async Task Flow(LiveApp app, TestOidcProvider provider, Microsoft.Playwright.IPage page)
    {

        // Unknown e-mail: back at the sign-in page with the reason, no session.
        provider.NextUser = ("stranger@jikimi.test", true, "모르는 사람");
        await page.GotoAsync(app.Url("/login"));
        await page.ClickAsync("#sso");
        await Expect(page.Locator(".flash.error")).ToContainTextAsync("초대");
        await page.GotoAsync(app.Url("/"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("로그인");

        // Unverified e-mail: refused.
        provider.NextUser = ("sso@jikimi.test", false, "정보보호 책임자");
        await page.ClickAsync("#sso");
        await Expect(page.Locator(".flash.error")).ToContainTextAsync("확인");

        // The invited (here: first) user with a verified e-mail: signed in.
        provider.NextUser = ("sso@jikimi.test", true, "정보보호 책임자");
        await page.ClickAsync("#sso");
        await Expect(page.Locator("h1")).ToHaveTextAsync("조직");
        await Expect(page.Locator("#account-link")).ToHaveTextAsync("정보보호 책임자");
        await Shots.TakeAsync(page, "sso-signed-in");
    }
}
