using System.Globalization;
using Jikimi.TestSupport.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jikimi.E2E;

/// <summary>
/// Issue 20 in a real browser: a committee meeting recorded with a late action item, the dashboard's operations card
/// showing it as overdue, the minutes linked as evidence, and the item marked done leaving the card. axe-core on the
/// new page; screenshots under artifacts/e2e.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_committee_meeting_its_late_action_item_on_the_dashboard_and_its_follow_up()
    {
        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite);
        var page = await browser.NewPageAsync();
        try
        {
            await Journey(app, page);
        }
        catch
        {
            await Shots.TakeAsync(page, "operations-FAILED");
            throw;
        }
    }

    private static async Task Journey(LiveApp app, IPage page)
    {
        await page.GotoAsync(app.Url("/setup"));
        await page.FillAsync("#token", app.SetupToken);
        await page.FillAsync("#name", "김보안");
        await page.FillAsync("#email", "ciso@jikimi.test");
        await page.FillAsync("#password", "Strong-pass-2026");
        await page.ClickAsync("#complete-setup");
        await Expect(page.Locator("h1")).ToHaveTextAsync("조직");
        await page.FillAsync("#org-name", "한빛 주식회사");
        await page.ClickAsync("#create-org");
        await Expect(page.Locator("h1")).ToHaveTextAsync("인증 범위");
        var orgUrl = new Uri(page.Url).AbsolutePath.Replace("/scope", string.Empty, StringComparison.Ordinal);
        await page.GotoAsync(app.Url(orgUrl + "/assessments"));
        await page.ClickAsync("#create-assessment");
        await Expect(page.Locator("#controls tbody tr")).Not.ToHaveCountAsync(0);

        await page.GotoAsync(app.Url(orgUrl));
        await Expect(page.Locator("#operations-due")).ToHaveTextAsync("0");

        // A committee meeting held ten days ago whose action item was due three days ago.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.ClickAsync("nav.side >> text=위원회 회의");
        await Expect(page.Locator("h1")).ToContainTextAsync("정보보호위원회");
        await page.FillAsync("#m-title", "상반기 정보보호위원회");
        await page.FillAsync("#m-held", Day(-10));
        await page.FillAsync("#m-attendees", "대표이사 김대표\nCISO 이보안");
        await page.FillAsync("#m-agenda", "위험 평가 결과 보고");
        await page.FillAsync("#m-decisions", "조치 계획 승인");
        await page.FillAsync("#a-desc-0", "접근권한 검토");
        await page.FillAsync("#a-owner-0", "CISO 이보안");
        await page.FillAsync("#a-due-0", Day(-3));
        await page.ClickAsync("#record-meeting");
        await Expect(page.Locator(".flash")).ToContainTextAsync("회의 #1");
        await Expect(page.Locator("#meeting-1")).ToContainTextAsync("CISO 이보안");
        await Expect(page.Locator("#meeting-1 .meeting-actions")).ToContainTextAsync("기한 경과");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The minutes are evidence on the committee's controls.
        await page.ClickAsync("#meeting-1 >> text=회의록 증적");
        await Expect(page.Locator("body")).ToContainTextAsync("1.1.1");

        // The dashboard shows the late item; done, it leaves the card.
        await page.GotoAsync(app.Url(orgUrl));
        await Expect(page.Locator("#operations-overdue")).ToHaveTextAsync("1");
        await Expect(page.Locator("#operations-list")).ToContainTextAsync("회의 #1 조치: 접근권한 검토");
        await page.ClickAsync("#operations-list >> text=접근권한 검토");
        await page.Locator("#meeting-1 .meeting-actions button").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("조치 완료");
        await Expect(page.Locator("#meeting-1 .meeting-actions")).ToContainTextAsync($"완료 {Day(0)}");
        await page.GotoAsync(app.Url(orgUrl));
        await Expect(page.Locator("#operations-due")).ToHaveTextAsync("0");
        await Shots.TakeAsync(page, "operations-dashboard");
    }
}
