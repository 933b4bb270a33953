using System.Text;
using Jikimi.TestSupport.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jikimi.E2E;

/// <summary>
/// Technical evidence in the browser: upload a raw export on the runs page → the server evaluates it → the control
/// shows the failing resource → the person accepts the suggestion → the check item holds the result they recorded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AutomatedRunJourneyTests(BrowserFixture browser)
{
    // Shaped like `aws ec2 describe-security-groups`: SSH open to the internet.
    private const string SecurityGroups = """{"SecurityGroups":[{"GroupId":"sg-0a1b2c3d","GroupName":"web","Description":"web tier","VpcId":"vpc-1","OwnerId":"111122223333","IpPermissions":[{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"0.0.0.0/0"}],"Ipv6Ranges":[],"PrefixListIds":[],"UserIdGroupPairs":[]}],"IpPermissionsEgress":[]}]}""";

    [Fact]
    public async Task Upload_an_export_see_the_failing_resource_and_accept_the_suggestion()
    {
        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite);
        var page = await browser.NewPageAsync();
        try
        {
            await Journey(app, page);
        }
        catch
        {
            await Shots.TakeAsync(page, "runs-FAILED");
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
        await page.GotoAsync(app.Url("/"));
        await page.FillAsync("#org-name", "한빛 주식회사");
        await page.ClickAsync("#create-org");
        var org = new Uri(page.Url).AbsolutePath.Replace("/scope", string.Empty, StringComparison.Ordinal);
        await page.GotoAsync(app.Url(org + "/assessments"));
        await page.ClickAsync("#create-assessment");
        await Expect(page.Locator("#controls tbody tr").First).ToBeVisibleAsync();
        var controls = new Uri(page.Url).AbsolutePath;

        // The runs page: nothing yet; upload the raw export to be evaluated on the server.
        await page.ClickAsync("#runs-link");
        await Expect(page.Locator("#no-runs")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#run-kind", "exports");
        await page.SetInputFilesAsync("#run-files", new FilePayload { Name = "ec2-describe-security-groups.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(SecurityGroups) });
        await page.FillAsync("#run-label", "운영 계정");
        await page.ClickAsync("#upload-run-submit");
        await Expect(page.Locator(".flash")).ToContainTextAsync("실행을 기록했습니다");
        await Expect(page.Locator("#results")).ToContainTextAsync("sg-0a1b2c3d");
        await Expect(page.Locator("#results tr.result-fail")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#diff-problem")).ToBeVisibleAsync(); // the first run of its series
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Shots.TakeAsync(page, "runs-01-run");

        // The control the rule evidences shows the failing resource and the suggestion on its check item.
        await page.GotoAsync(app.Url(controls + "/2.6.1"));
        await Expect(page.Locator("#automation .failing")).ToContainTextAsync("sg-0a1b2c3d");
        var suggestion = page.Locator("#automation li[data-check-item='2.6.1-1']");
        // Other rules on the same group pass for 2.6.1-1 (ports other than SSH are closed): 부분 이행.
        await Expect(suggestion).ToContainTextAsync("부분 이행");
        await Expect(page.Locator("[id='r-2.6.1-1']")).ToHaveValueAsync("unassessed");
        await suggestion.Locator(".accept-suggestion").ClickAsync();

        // The person's acceptance is the result: recorded, attributed, and the suggestion is decided.
        await Expect(page.Locator(".flash")).ToContainTextAsync("제안을 결과로 기록했습니다");
        await Expect(page.Locator("[id='r-2.6.1-1']")).ToHaveValueAsync("partial");
        await Expect(page.Locator("#automation li[data-check-item='2.6.1-1'] .accept-suggestion")).ToHaveCountAsync(0);
        await Expect(page.Locator(".history")).ToContainTextAsync("김보안");
        await Shots.TakeAsync(page, "runs-02-accepted");

        // The runs list shows the run with who recorded it.
        await page.ClickAsync("#all-runs");
        await Expect(page.Locator("#runs tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#runs")).ToContainTextAsync("운영 계정");
        await Expect(page.Locator("#runs")).ToContainTextAsync("김보안");
    }
}
