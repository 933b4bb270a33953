using System.Globalization;
using Jikimi.TestSupport.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jikimi.E2E;

/// <summary>
/// Issue 18 in a real browser: the instance administrator records Azure's ISMS certificate (an overlapping one is
/// refused), the organization declares Azure IaaS, sees the inherited / shared / own split and the certificate, the
/// control workspace cites it on an inherited control, and the dashboard warns that the certificate ends soon.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CloudJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Administrator_records_a_provider_certificate_and_the_organization_inherits_controls()
    {
        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite);
        var page = await browser.NewPageAsync();
        try
        {
            await Journey(app, page);
        }
        catch
        {
            await Shots.TakeAsync(page, "cloud-FAILED");
            throw;
        }
    }

    private static async Task Journey(LiveApp app, IPage page)
    {
        await page.GotoAsync(app.Url("/setup"));
        await page.FillAsync("#token", app.SetupToken);
        await page.FillAsync("#name", "김클라우드");
        await page.FillAsync("#email", "cloud@jikimi.test");
        await page.FillAsync("#password", "Strong-pass-2026");
        await page.ClickAsync("#complete-setup");
        await page.FillAsync("#org-name", "구름 주식회사");
        await page.ClickAsync("#create-org");
        await Expect(page.Locator("h1")).ToHaveTextAsync("인증 범위");
        var orgUrl = new Uri(page.Url).AbsolutePath.Replace("/scope", string.Empty, StringComparison.Ordinal);

        // The instance administrator records Azure's ISMS certificate, ending in 30 days.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.ClickAsync("#admin-cloud-link");
        await Expect(page.Locator("h1")).ToHaveTextAsync("클라우드 제공자와 인증서");
        async Task RecordAsync(string number, DateOnly from, DateOnly to)
        {
            await page.SelectOptionAsync("#cert-provider", "azure");
            await page.SelectOptionAsync("#cert-kind", "isms");
            await page.FillAsync("#cert-number", number);
            await page.FillAsync("#cert-issued", D(from));
            await page.FillAsync("#cert-expires", D(to));
            await page.FillAsync("#cert-controls", "80");
            await page.ClickAsync("#record-certificate");
        }

        await RecordAsync("ISMS-E2E-001", today.AddYears(-3).AddDays(31), today.AddDays(30));
        await Expect(page.Locator(".flash")).ToHaveTextAsync("인증서를 등록했습니다.");
        await Expect(page.Locator("#provider-certificates tr", new() { HasText = "ISMS-E2E-001" })).ToContainTextAsync("유효");
        await RecordAsync("ISMS-E2E-002", today, today.AddYears(3));
        await Expect(page.Locator(".flash.error")).ToContainTextAsync("겹칩니다");
        await Expect(page.Locator("#provider-certificates tr", new() { HasText = "ISMS-E2E-002" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The organization declares Azure IaaS: the split appears with the certificate relied on.
        await page.GotoAsync(app.Url(orgUrl));
        await page.ClickAsync("nav.side >> text=클라우드 상속");
        await Expect(page.Locator("#no-usage")).ToBeVisibleAsync();
        await Expect(page.Locator("#count-inherited")).ToHaveTextAsync("0");
        await page.SelectOptionAsync("#usage-provider", "azure");
        await page.SelectOptionAsync("#usage-model", "iaas");
        await page.FillAsync("#usage-services", "Virtual Machines");
        await page.FillAsync("#usage-regions", "Korea Central");
        await page.ClickAsync("#add-usage");
        await Expect(page.Locator("#usages tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#count-inherited")).Not.ToHaveTextAsync("0");
        await Expect(page.Locator("#count-needs-evidence")).ToHaveTextAsync("0");
        await Expect(page.Locator("#certificates tbody tr", new() { HasText = "ISMS-E2E-001" })).ToContainTextAsync("유효");
        await Expect(page.Locator("#inheritance tbody tr", new() { HasText = "2.4.2" })).ToContainTextAsync("인증서로 충족");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "cloud-01-inheritance");

        // The control workspace of an inherited control cites the certificate.
        await page.GotoAsync(app.Url(orgUrl + "/assessments"));
        await page.ClickAsync("#create-assessment");
        await Expect(page.Locator("#controls tbody tr")).Not.ToHaveCountAsync(0);
        await page.GotoAsync(app.Url(new Uri(page.Url).AbsolutePath + "/2.4.2"));
        await Expect(page.Locator("#cloud-split")).ToHaveTextAsync("상속");
        await Expect(page.Locator("#cloud-certificates")).ToContainTextAsync("ISMS-E2E-001");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The dashboard warns that the certificate ends within the reminder lead time (60 days).
        await page.GotoAsync(app.Url(orgUrl));
        await Expect(page.Locator("#cloud-expiring")).ToContainTextAsync(D(today.AddDays(30)));
        await Expect(page.Locator("#cloud-lapsed")).ToHaveCountAsync(0);
        await Shots.TakeAsync(page, "cloud-02-dashboard");
    }
}
