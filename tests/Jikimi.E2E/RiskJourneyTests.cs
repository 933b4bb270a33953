using System.Text;
using Jikimi.TestSupport.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jikimi.E2E;

/// <summary>
/// Issue 8 in a real browser: the asset inventory (form, CSV import refused then accepted, export), a service's
/// personal-information flow, the yearly risk assessment (DoA set and approved, a risk above it), a treatment plan, an
/// accepted risk, the heat map changing, the dashboard's risk card, and a viewer who only reads (the server refuses a
/// forced approval). axe-core on every new page; screenshots under artifacts/e2e.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RiskJourneyTests(BrowserFixture browser)
{
    private const string AdminEmail = "ciso@jikimi.test";
    private const string AdminPassword = "Strong-pass-2026";

    [Fact]
    public async Task Assets_flows_risk_assessment_treatment_acceptance_heat_map_and_a_read_only_viewer()
    {
        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite);
        var page = await browser.NewPageAsync();
        try
        {
            await Journey(app, page);
        }
        catch
        {
            await Shots.TakeAsync(page, "risk-FAILED");
            throw;
        }
    }

    private async Task Journey(LiveApp app, IPage page)
    {
        // Administrator, organization, a control assessment with one check item not fulfilled (a vulnerability to start from).
        await page.GotoAsync(app.Url("/setup"));
        await page.FillAsync("#token", app.SetupToken);
        await page.FillAsync("#name", "김보안");
        await page.FillAsync("#email", AdminEmail);
        await page.FillAsync("#password", AdminPassword);
        await page.ClickAsync("#complete-setup");
        await Expect(page.Locator("h1")).ToHaveTextAsync("조직");
        await page.FillAsync("#org-name", "한빛 주식회사");
        await page.ClickAsync("#create-org");
        await Expect(page.Locator("h1")).ToHaveTextAsync("인증 범위");
        var orgUrl = new Uri(page.Url).AbsolutePath.Replace("/scope", string.Empty, StringComparison.Ordinal);
        await page.GotoAsync(app.Url(orgUrl + "/assessments"));
        await page.ClickAsync("#create-assessment");
        await Expect(page.Locator("#controls tbody tr")).Not.ToHaveCountAsync(0);
        var controlsUrl = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(app.Url(controlsUrl + "/2.9.4"));
        var checkItem = page.Locator(".checkitem").First.Locator("form");
        await checkItem.Locator("select").SelectOptionAsync("not-fulfilled");
        await checkItem.Locator("button").ClickAsync();
        await Expect(page.Locator(".flash")).ToBeVisibleAsync();

        // The side navigation leads to the new pages.
        await page.GotoAsync(app.Url(orgUrl));
        await Expect(page.Locator("#risk-card")).ToHaveCountAsync(0);
        await page.ClickAsync("nav.side >> text=자산");
        await Expect(page.Locator("h1")).ToHaveTextAsync("자산 목록");

        // Assets by hand.
        await AddAssetAsync(page, "SRV-01", "웹 서버", "server", c: 3, i: 3, a: 3, pi: false);
        await AddAssetAsync(page, "DB-01", "회원 DB", "database", c: 1, i: 1, a: 2, pi: true);
        await Expect(page.Locator("#assets tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#assets tbody tr", new() { HasText = "SRV-01" })).ToContainTextAsync("9 (3)");

        // Edit one: the importance grade is shown in the form.
        await page.Locator("#assets tbody tr", new() { HasText = "DB-01" }).Locator("a", new() { HasText = "수정" }).ClickAsync();
        await Expect(page.Locator("#asset-grade")).ToContainTextAsync("4");
        await page.FillAsync("#asset-location", "IDC 2층");
        await page.ClickAsync("#save-asset");
        await Expect(page.Locator("#assets tbody tr", new() { HasText = "DB-01" })).ToContainTextAsync("IDC 2층");

        // CSV import: a bad file is refused whole, with every problem shown; then a good one.
        const string header = "assetId,name,type,owner,administrator,location,inScope,confidentiality,integrity,availability,personalInfo,uniqueId\n";
        await ImportAsync(page, "bad.csv", header + "NW-01,코어 스위치,network-device,,네트워크팀,IDC,true,9,2,3,false,false\nPC-01,업무 PC,spaceship,,,,true,1,1,1,false,false\n");
        await Expect(page.Locator("#import-errors")).ToBeVisibleAsync();
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("type");
        await Expect(page.Locator("#import-errors")).ToContainTextAsync("confidentiality");
        await Expect(page.Locator("#import-errors tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#assets tbody tr")).ToHaveCountAsync(2);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "risk-01-import-errors");

        await ImportAsync(page, "good.csv", header + $"NW-01,코어 스위치,network-device,{AdminEmail},네트워크팀,IDC,true,2,2,3,false,false\nPC-01,업무 PC,terminal,,,,false,1,1,1,true,true\n");
        await Expect(page.Locator(".flash")).ToContainTextAsync("2");
        await Expect(page.Locator("#assets tbody tr")).ToHaveCountAsync(4);

        // Filters and export.
        await page.SelectOptionAsync("select[name=type]", "terminal");
        await page.ClickAsync("#filter-assets");
        await Expect(page.Locator("#assets tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#assets tbody tr")).ToContainTextAsync("PC-01");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.StartsWith("assetId,name,type", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("코어 스위치", csv, StringComparison.Ordinal);
        Assert.Contains("SRV-01", csv, StringComparison.Ordinal);
        await page.GotoAsync(app.Url(orgUrl + "/assets"));
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "risk-02-assets");

        // Personal-information flow of a service: the table and its diagram.
        await page.ClickAsync("nav.side >> text=개인정보 흐름");
        await Expect(page.Locator("h1")).ToHaveTextAsync("개인정보 흐름");
        await AddFlowAsync(page, "한빛몰", "collection", "이름, 연락처, 주소");
        await AddFlowAsync(page, "한빛몰", "provision-entrustment", "이름, 주소");
        await AddFlowAsync(page, "한빛몰", "destruction", "<b>탈퇴 회원</b> 정보");
        await Expect(page.Locator(".flow-table tbody tr")).ToHaveCountAsync(3);
        var diagram = page.Locator(".flow-diagram svg");
        await Expect(diagram).ToHaveCountAsync(1);
        await Expect(diagram.Locator("g.stage")).ToHaveCountAsync(4);
        await Expect(diagram).ToContainTextAsync("이름, 연락처, 주소");
        await Expect(diagram).ToContainTextAsync("<b>탈퇴 회원</b>"); // drawn as text, not markup
        await Expect(page.Locator(".flow-diagram b")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "risk-03-flows");

        // The year's risk assessment: method shown, threat catalog copied, DoA set and approved.
        await page.ClickAsync("nav.side >> text=위험 평가");
        await page.ClickAsync("#create-risk-assessment");
        await Expect(page.Locator(".flash")).ToBeVisibleAsync();
        await Expect(page.Locator("#method")).ToContainTextAsync("1–3");
        Assert.True(await page.Locator("#threat-table tbody tr").CountAsync() >= 10, "the seeded threat catalog is copied");
        await page.FillAsync("#threat-code", "T-OWN-1");
        await page.FillAsync("#threat-category", "기술적");
        await page.FillAsync("#threat-ko", "협력사 계정 도용");
        await page.FillAsync("#threat-en", "Partner account takeover");
        await page.ClickAsync("#save-threat");
        await Expect(page.Locator("#threat-table")).ToContainTextAsync("협력사 계정 도용");

        await page.FillAsync("#doa-input", "12");
        await page.ClickAsync("#set-doa");
        await Expect(page.Locator("#doa-level")).ToHaveTextAsync("12");
        await Expect(page.Locator("#doa-approval")).ToContainTextAsync("미승인");
        await page.ClickAsync("#approve-doa");
        await Expect(page.Locator("#doa-approval")).ToContainTextAsync("김보안");
        await Expect(page.Locator("#approve-doa")).ToHaveCountAsync(0);

        var before = await HeatMapAsync(page);
        Assert.Equal(0, before.Open);

        // A risk above the DoA (3 × 3 × 3 = 27 > 12), and one from the unfulfilled check item (1 × 1 × 2 = 2).
        await page.SelectOptionAsync("#risk-asset", new SelectOptionValue { Label = "SRV-01 웹 서버 (9)" });
        await page.SelectOptionAsync("#risk-threat", new SelectOptionValue { Label = "T-OWN-1 협력사 계정 도용" });
        await page.FillAsync("#risk-threat-level", "3");
        await page.FillAsync("#risk-vuln-level", "3");
        await page.FillAsync("#risk-vuln", "외부 접속 다중 인증 미적용");
        await page.ClickAsync("#add-risk");
        await Expect(page.Locator(".flash")).ToContainTextAsync("27");
        var aboveRow = page.Locator("#risk-table tbody tr", new() { HasText = "SRV-01" });
        await Expect(aboveRow).ToHaveClassAsync("above-doa");
        await Expect(aboveRow).ToContainTextAsync("DoA 초과");

        await page.SelectOptionAsync("#risk-asset", new SelectOptionValue { Label = "DB-01 회원 DB (4)" });
        await page.Locator("#risk-check-item option").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var candidate = await page.Locator("#risk-check-item option").Nth(1).GetAttributeAsync("value");
        Assert.Contains("|2.9.4", candidate!, StringComparison.Ordinal);
        await page.SelectOptionAsync("#risk-check-item", candidate!);
        await page.FillAsync("#risk-threat-level", "1");
        await page.FillAsync("#risk-vuln-level", "2");
        await page.ClickAsync("#add-risk");
        await Expect(page.Locator(".flash")).ToContainTextAsync("2");
        await Expect(page.Locator("#risk-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#above-doa")).ToHaveTextAsync("1");

        var afterAdd = await HeatMapAsync(page);
        Assert.Equal(2, afterAdd.Open);
        Assert.True(afterAdd.AboveDoaCells == 1, "the cell of the 27-point risk is marked above the DoA");
        Assert.NotEqual(before.Text, afterAdd.Text);
        await Expect(page.Locator("#by-domain svg")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "risk-04-assessment");

        // Treatment plan for the risk above the DoA, with a residual risk that management accepts.
        await aboveRow.Locator("a", new() { HasText = "처리 계획" }).ClickAsync();
        await Expect(page.Locator("#risk-above-doa")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#strategy", "reduce");
        await page.SelectOptionAsync("#treatment-owner", AdminEmail);
        await page.FillAsync("#due-date", "2020-01-31");
        await page.FillAsync("#linked-controls", "2.5.3, 2.6.6");
        await page.FillAsync("#residual", "6");
        await page.FillAsync("#plan", "VPN 접속에 OTP 적용");
        await page.ClickAsync("#save-treatment");
        await Expect(page.Locator(".flash")).ToBeVisibleAsync();
        await Expect(page.Locator("#linked-controls")).ToHaveValueAsync("2.5.3, 2.6.6");
        await Expect(page.Locator("#risk-status")).ToHaveTextAsync("계획");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "risk-05-treatment");
        var riskUrl = new Uri(page.Url).AbsolutePath;

        // The overdue plan shows on the dashboard's risk card.
        await page.GotoAsync(app.Url(orgUrl));
        await Expect(page.Locator("#risks-above-doa")).ToHaveTextAsync("1");
        await Expect(page.Locator("#overdue-treatments")).ToHaveTextAsync("1");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "risk-06-dashboard");

        await page.GotoAsync(app.Url(riskUrl));
        await page.ClickAsync("#accept-risk");
        await Expect(page.Locator("#risk-acceptance")).ToContainTextAsync("김보안");
        await Expect(page.Locator("#risk-status")).ToHaveTextAsync("수용 승인");
        await Expect(page.Locator("#accept-risk")).ToHaveCountAsync(0);

        await page.GotoAsync(app.Url(orgUrl + "/risks"));
        var afterAccept = await HeatMapAsync(page);
        Assert.Equal(1, afterAccept.Open);
        Assert.Equal(1, afterAccept.Accepted);
        Assert.Contains("수용 1", afterAccept.Text, StringComparison.Ordinal);
        await Shots.TakeAsync(page, "risk-07-heat-map-accepted");

        // A new level needs a new approval; a viewer cannot give it, even with a hand-made form post.
        await page.FillAsync("#doa-input", "9");
        await page.ClickAsync("#set-doa");
        await Expect(page.Locator("#doa-approval")).ToContainTextAsync("미승인");
        var viewerToken = await InviteAsync(page, app, orgUrl, "viewer@jikimi.test", "이조회", "viewer");
        var viewer = await browser.NewPageAsync();
        await JoinAsync(viewer, app, viewerToken, "viewer@jikimi.test");
        await viewer.GotoAsync(app.Url(orgUrl + "/risks"));
        await Expect(viewer.Locator("#read-only")).ToBeVisibleAsync();
        await Expect(viewer.Locator("#heat-map svg")).ToBeVisibleAsync();
        await Expect(viewer.Locator("#approve-doa")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#set-doa")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#add-risk")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);
        await Shots.TakeAsync(viewer, "risk-08-viewer");
        await viewer.EvalOnSelectorAsync("#approve-form", "f => f.submit()");
        await viewer.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(viewer.Locator(".flash.error")).ToBeVisibleAsync();
        await Expect(viewer.Locator("#doa-approval")).ToContainTextAsync("미승인");

        await viewer.GotoAsync(app.Url(orgUrl + "/assets"));
        await Expect(viewer.Locator("#read-only")).ToBeVisibleAsync();
        await Expect(viewer.Locator("#save-asset")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#import-assets")).ToHaveCountAsync(0);
        await viewer.GotoAsync(app.Url(riskUrl));
        await Expect(viewer.Locator("#save-treatment")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#strategy")).ToBeDisabledAsync();
        await viewer.EvalOnSelectorAsync("#treatment-form", "f => { f.querySelectorAll('[disabled]').forEach(e => e.removeAttribute('disabled')); f.querySelector('#plan').value = 'changed'; f.submit(); }");
        await viewer.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(viewer.Locator(".validation-summary-errors")).ToBeVisibleAsync();
        await viewer.GotoAsync(app.Url(riskUrl));
        await Expect(viewer.Locator("#plan")).ToHaveValueAsync("VPN 접속에 OTP 적용");

        // English once: texts and the heat map's labels follow the language.
        await viewer.GotoAsync(app.Url(orgUrl + "/risks"));
        await viewer.ClickAsync("button[value=en]");
        await Expect(viewer.Locator("h1")).ToContainTextAsync("Risk assessment");
        await Expect(viewer.Locator("#heat-map svg")).ToContainTextAsync("risk heat map");
        await Expect(viewer.Locator("#risk-table")).ToContainTextAsync("Partner account takeover");
        await Accessibility.AssertNoSeriousViolationsAsync(viewer);
    }

    private static async Task AddAssetAsync(IPage page, string id, string name, string type, int c, int i, int a, bool pi)
    {
        await page.FillAsync("#asset-id", id);
        await page.FillAsync("#asset-name", name);
        await page.SelectOptionAsync("#asset-type", type);
        await page.SelectOptionAsync("#asset-owner", AdminEmail);
        await page.FillAsync("#asset-admin", "인프라팀");
        await page.FillAsync("#asset-c", c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#asset-i", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#asset-a", a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SetCheckedAsync("#asset-pi", pi);
        await page.ClickAsync("#save-asset");
        await Expect(page.Locator(".flash")).ToBeVisibleAsync();
        await Expect(page.Locator("#assets")).ToContainTextAsync(id);
    }

    private static async Task ImportAsync(IPage page, string fileName, string content)
    {
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) });
        await page.ClickAsync("#import-assets");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static async Task AddFlowAsync(IPage page, string service, string stage, string items)
    {
        await page.FillAsync("#flow-service", service);
        await page.SelectOptionAsync("#flow-stage", stage);
        await page.FillAsync("#flow-items", items);
        await page.FillAsync("#flow-systems", "한빛몰 WAS");
        await page.ClickAsync("#save-flow");
        await Expect(page.Locator(".flash")).ToBeVisibleAsync();
    }

    private sealed record HeatMap(int Open, int Accepted, int AboveDoaCells, string Text);

    /// <summary>Sums the heat map's cells as the SVG states them (data-open / data-accepted, the thick border) and keeps its text.</summary>
    private static async Task<HeatMap> HeatMapAsync(IPage page)
    {
        var svg = page.Locator("#heat-map svg");
        await Expect(svg).ToBeVisibleAsync();
        var cells = svg.Locator("g.cell");
        int open = 0, accepted = 0, above = 0;
        for (var n = 0; n < await cells.CountAsync(); n++)
        {
            var cell = cells.Nth(n);
            open += int.Parse((await cell.GetAttributeAsync("data-open"))!, System.Globalization.CultureInfo.InvariantCulture);
            accepted += int.Parse((await cell.GetAttributeAsync("data-accepted"))!, System.Globalization.CultureInfo.InvariantCulture);
            above += await cell.Locator("rect[stroke='#b71c1c']").CountAsync();
        }

        return new HeatMap(open, accepted, above, await svg.TextContentAsync() ?? string.Empty);
    }

    private static async Task<string> InviteAsync(IPage page, LiveApp app, string orgUrl, string email, string name, string role)
    {
        await page.GotoAsync(app.Url(orgUrl + "/members"));
        await page.FillAsync("#inv-email", email);
        await page.FillAsync("#inv-name", name);
        await page.SelectOptionAsync("#inv-role", role);
        await page.ClickAsync("#invite");
        return await page.Locator("#invitation-token").InnerTextAsync();
    }

    private static async Task JoinAsync(IPage page, LiveApp app, string token, string email)
    {
        await page.GotoAsync(app.Url("/invitation"));
        await page.FillAsync("#token", token);
        await page.FillAsync("#password", "Member-pass-2026");
        await page.ClickAsync("#accept-invitation");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Member-pass-2026");
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("h1")).ToHaveTextAsync("조직");
    }
}
