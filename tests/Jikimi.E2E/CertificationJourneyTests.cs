using Jikimi.TestSupport.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jikimi.E2E;

/// <summary>
/// The certification cycle in the browser: obligation check → apply (operating period) → audit with an assigned
/// auditor → finding → corrective-action plan → fixed → verified → committee → certificate with its timeline →
/// surveillance audits → renewal → new certificate.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Apply_audit_correct_decide_certify_surveil_and_renew_in_the_browser()
    {
        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite);
        var page = await browser.NewPageAsync();
        try
        {
            await Cycle(app, page);
        }
        catch
        {
            await Shots.TakeAsync(page, "cycle-FAILED");
            throw;
        }
    }

    private async Task Cycle(LiveApp app, IPage page)
    {
        await page.GotoAsync(app.Url("/setup"));
        await page.FillAsync("#token", app.SetupToken);
        await page.FillAsync("#name", "김보안");
        await page.FillAsync("#email", "ciso@jikimi.test");
        await page.FillAsync("#password", "Strong-pass-2026");
        await page.ClickAsync("#complete-setup");

        // Must we certify? An online service with 1.2 M daily users.
        await page.GotoAsync(app.Url("/obligation"));
        await page.FillAsync("#dau", "1200000");
        await page.FillAsync("#ict", "2000000000");
        await page.ClickAsync("#check-obligation");
        await Expect(page.Locator("#obligation-result h2")).ToHaveTextAsync("인증 의무대상입니다");
        await Expect(page.Locator("#grounds")).ToContainTextAsync("DAILY_USERS");
        await Expect(page.Locator("#max-fine")).ToContainTextAsync("30,000,000");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "cycle-01-obligation");

        await page.GotoAsync(app.Url("/"));
        await page.FillAsync("#org-name", "한빛 주식회사");
        await page.ClickAsync("#create-org");
        var org = new Uri(page.Url).AbsolutePath.Replace("/scope", string.Empty, StringComparison.Ordinal);
        await page.GotoAsync(app.Url(org + "/assessments"));
        await page.ClickAsync("#create-assessment");

        // The auditor joins (invited, then assigned to the audit below).
        await page.GotoAsync(app.Url(org + "/members"));
        await page.FillAsync("#inv-email", "auditor@kisa.test");
        await page.FillAsync("#inv-name", "박심사");
        await page.SelectOptionAsync("#inv-role", "auditor");
        await page.ClickAsync("#invite");
        var auditorToken = await page.Locator("#invitation-token").InnerTextAsync();

        // Apply: too short an operating period is refused; three months is enough.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.GotoAsync(app.Url(org + "/certification?operatingSince=" + today.AddDays(-10).ToString("yyyy-MM-dd")));
        await Expect(page.Locator("#operating-check")).ToHaveClassAsync("flash error");
        await page.GotoAsync(app.Url(org + "/certification?operatingSince=" + today.AddMonths(-3).ToString("yyyy-MM-dd")));
        await Expect(page.Locator("#operating-check")).ToContainTextAsync("채웠습니다");
        await page.FillAsync("#applied", today.ToString("yyyy-MM-dd"));
        await page.FillAsync("#body", "한국인터넷진흥원");
        await page.FillAsync("#team", "박심사 외 2명");
        await page.FillAsync("#other", "ISO/IEC 27001:2022");
        await page.ClickAsync("#create-audit");
        await Expect(page.Locator("h1")).ToContainTextAsync("최초심사");
        var auditUrl = new Uri(page.Url).AbsolutePath;
        await page.SelectOptionAsync("#auditor", new SelectOptionValue { Label = "박심사" });
        await page.ClickAsync("#assign-auditor");
        await Expect(page.Locator("#auditors")).ToContainTextAsync("박심사");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The auditor records a finding.
        var auditor = await browser.NewPageAsync();
        await auditor.GotoAsync(app.Url("/invitation"));
        await auditor.FillAsync("#token", auditorToken);
        await auditor.FillAsync("#password", "Kisa-review-2026");
        await auditor.ClickAsync("#accept-invitation");
        await auditor.FillAsync("#email", "auditor@kisa.test");
        await auditor.FillAsync("#password", "Kisa-review-2026");
        await auditor.ClickAsync("#sign-in");
        await auditor.GotoAsync(app.Url(auditUrl));
        await auditor.FillAsync("#f-control", "2.5.4");
        await auditor.FillAsync("#f-item", "2.5.4-1");
        await auditor.SelectOptionAsync("#f-severity", "medium");
        await auditor.FillAsync("#f-desc", "비밀번호 변경 주기를 정책과 다르게 운영함");
        await auditor.ClickAsync("#record-finding");
        await Expect(auditor.Locator(".flash")).ToContainTextAsync("결함 1");
        await Expect(auditor.Locator("#decide")).ToHaveCountAsync(0);

        // The organization plans and fixes it; the auditor verifies.
        await page.GotoAsync(app.Url(auditUrl));
        await page.ClickAsync("#findings a");
        var findingUrl = new Uri(page.Url).AbsolutePath;
        await page.FillAsync("#cause", "정책 개정 후 시스템 설정 미반영");
        await page.FillAsync("#action", "계정관리 시스템의 변경 주기를 90일로 설정");
        await page.FillAsync("#owner", "인프라팀");
        await page.FillAsync("#due", today.AddDays(20).ToString("yyyy-MM-dd"));
        await page.ClickAsync("#submit-plan");
        await Expect(page.Locator("#finding-status")).ToHaveTextAsync("조치계획 제출");
        await page.FillAsync("#fix", "설정 화면 캡처, 변경 이력");
        await page.ClickAsync("#mark-fixed");
        await Expect(page.Locator("#finding-status")).ToContainTextAsync("조치 완료");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "cycle-02-finding");

        await auditor.GotoAsync(app.Url(findingUrl));
        await auditor.CheckAsync("#accept-fix");
        await auditor.FillAsync("#vnote", "이행 확인");
        await auditor.ClickAsync("#verify-fix");
        await Expect(auditor.Locator("#finding-status")).ToHaveTextAsync("종료");

        // The committee approves: a certificate, valid three years, with its timeline and the first surveillance audit.
        await page.GotoAsync(app.Url(auditUrl));
        await page.SelectOptionAsync("#decision", "approve");
        await page.FillAsync("#number", "ISMS-P-KISA-2026-001");
        await page.FillAsync("#issued", today.ToString("yyyy-MM-dd"));
        await page.ClickAsync("#decide");
        await Expect(page.Locator("h1")).ToContainTextAsync("ISMS-P-KISA-2026-001");
        await Expect(page.Locator("#expires")).ToContainTextAsync((today.Year + 3).ToString(System.Globalization.CultureInfo.InvariantCulture)); // valid three years
        await Expect(page.Locator("#timeline svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#next-audit")).ToHaveTextAsync("사후심사");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "cycle-03-certificate");
        var certificateUrl = new Uri(page.Url).AbsolutePath;

        // Two surveillance audits, then the renewal audit issues a new certificate.
        foreach (var (heldAfterMonths, expectedNext) in new[] { (11, "사후심사"), (23, "갱신심사") })
        {
            await page.GotoAsync(app.Url(certificateUrl));
            await page.ClickAsync("#next-audit");
            await page.SelectOptionAsync("#decision", "approve");
            await page.FillAsync("#decided", today.AddMonths(heldAfterMonths).ToString("yyyy-MM-dd"));
            await page.ClickAsync("#decide");
            await page.GotoAsync(app.Url(certificateUrl));
            await Expect(page.Locator("#next-audit")).ToHaveTextAsync(expectedNext);
        }

        await page.ClickAsync("#next-audit");
        await Expect(page.Locator("h1")).ToContainTextAsync("갱신심사");
        await page.SelectOptionAsync("#decision", "approve");
        await page.FillAsync("#number", "ISMS-P-KISA-2029-001");
        await page.ClickAsync("#decide");
        await Expect(page.Locator("h1")).ToContainTextAsync("ISMS-P-KISA-2029-001");
        await page.GotoAsync(app.Url(org + "/certification"));
        await Expect(page.Locator("#audits tbody tr")).ToHaveCountAsync(5); // initial, 2 surveillance, renewal, and the new cycle's first surveillance
        await Shots.TakeAsync(page, "cycle-04-overview");
    }
}
