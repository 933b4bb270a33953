using Jikimi.TestSupport.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jikimi.E2E;

/// <summary>
/// Script payloads typed into every free-text field (and into reflected search boxes) come back as text: nothing runs,
/// the literal characters are shown.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EscapingTests(BrowserFixture browser)
{
    private const string Payload = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">'&";

    [Fact]
    public async Task Script_payloads_in_every_free_text_field_are_shown_as_text_and_never_run()
    {
        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite);
        var page = await browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, m) => consoleErrors.Add(m.Text);

        await page.GotoAsync(app.Url("/setup"));
        await page.FillAsync("#token", app.SetupToken);
        await page.FillAsync("#name", "관리자" + Payload);
        await page.FillAsync("#email", "admin@jikimi.test");
        await page.FillAsync("#password", "Strong-pass-2026");
        await page.ClickAsync("#complete-setup");
        await page.FillAsync("#org-name", "조직" + Payload);
        await page.ClickAsync("#create-org");
        var org = new Uri(page.Url).AbsolutePath.Replace("/scope", string.Empty, StringComparison.Ordinal);

        await page.FillAsync("#description", Payload);
        await page.FillAsync("#methods", Payload);
        await page.ClickAsync("#save-scope");
        await page.FillAsync("#item-name", Payload);
        await page.FillAsync("#provider", Payload);
        await page.FillAsync("#item-desc", Payload);
        await page.ClickAsync("#add-scope-item");
        await AssertInertAsync(page, "#scope-items");

        await page.GotoAsync(app.Url(org + "/assessments"));
        await page.FillAsync("#title", Payload);
        await page.ClickAsync("#create-assessment");
        var controls = new Uri(page.Url).AbsolutePath;
        await AssertInertAsync(page, "h1");

        await page.GotoAsync(app.Url(controls + "/2.5.4"));
        var first = page.Locator(".checkitem").First.Locator("form");
        await first.Locator("select").SelectOptionAsync("not-applicable");
        await first.Locator("input[name=notApplicableReason]").FillAsync(Payload);
        await first.Locator("input[name=note]").FillAsync(Payload);
        await first.Locator("button").ClickAsync();
        await page.FillAsync("#operation", Payload);
        await page.FillAsync("#docs", Payload);
        await page.FillAsync("#records", Payload);
        await page.ClickAsync("#save-control");
        await page.FillAsync("#comment", Payload);
        await page.ClickAsync("#add-comment");
        await page.ClickAsync("text=파일 올려 연결");
        await page.SetInputFilesAsync("#upload-file", new FilePayload { Name = "<img src=x onerror=alert(1)>.html", MimeType = "text/html", Buffer = "<script>alert(1)</script>"u8.ToArray() });
        await page.FillAsync("#upload-title", Payload);
        await page.ClickAsync("#upload-evidence");
        await AssertInertAsync(page, ".comment");
        await Expect(page.Locator("#operation")).ToHaveValueAsync(Payload);

        await page.GotoAsync(app.Url(org + "/evidence?q=" + Uri.EscapeDataString(Payload)));
        await Expect(page.Locator("input[name=q]")).ToHaveValueAsync(Payload);
        await page.GotoAsync(app.Url(org + "/evidence"));
        await AssertInertAsync(page, "#evidence-list");
        await page.ClickAsync("#evidence-list a");
        await AssertInertAsync(page, "h1"); // the title; the file name itself is made safe on upload

        await page.GotoAsync(app.Url(org + "/members"));
        await page.FillAsync("#inv-email", "new@jikimi.test");
        await page.FillAsync("#inv-name", Payload);
        await page.ClickAsync("#invite");
        await AssertInertAsync(page, "#members");

        await page.GotoAsync(app.Url(org + "/api-tokens"));
        await page.FillAsync("#t-name", Payload);
        await page.ClickAsync("#create-token");
        await AssertInertAsync(page, "#tokens");

        await page.GotoAsync(app.Url(org + "/audit-trail?action=" + Uri.EscapeDataString(Payload)));
        await Expect(page.Locator("input[name=action]")).ToHaveValueAsync(Payload);
        await page.GotoAsync(app.Url(org + "/audit-trail"));
        await AssertInertAsync(page, "#audit-events");

        await page.GotoAsync(app.Url(org));
        await AssertInertAsync(page, ".org-name");
        await page.GotoAsync(app.Url("/catalog?q=" + Uri.EscapeDataString(Payload)));
        await Expect(page.Locator("#catalog-q")).ToHaveValueAsync(Payload);
        await page.GotoAsync(app.Url("/account"));
        await Expect(page.Locator("#display-name")).ToHaveValueAsync("관리자" + Payload);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    private static async Task AssertInertAsync(IPage page, string selector)
    {
        await Expect(page.Locator(selector).First).ToContainTextAsync("<script>window.__xss=1</script>");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal(0, await page.Locator("main script, main img[src=x]").CountAsync());
    }
}
