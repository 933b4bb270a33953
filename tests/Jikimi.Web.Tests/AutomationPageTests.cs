using System.Net;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

/// <summary>The control workspace shows what the automated runs say: latest results, failing resources and the suggestion.</summary>
public class AutomationPageTests
{
    [Fact]
    public async Task The_control_page_shows_the_latest_automated_results_and_the_pending_suggestion()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={w.Alice}");
        var r = await browser.GetAsync($"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/controls/1.1.1");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("자동 점검 결과", html, StringComparison.Ordinal);
        Assert.Contains("policy-v1", html, StringComparison.Ordinal);
        Assert.Contains("data-check-item=\"1.1.1-1\"", html, StringComparison.Ordinal);
        Assert.Contains("accept-suggestion", html, StringComparison.Ordinal);

        // Another control has no automated results: no section.
        var other = await (await browser.GetAsync($"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/controls/2.2.4")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"automation\"", other, StringComparison.Ordinal);
    }
}
