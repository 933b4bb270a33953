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

    public static TheoryData<string> Providers => TestDatabase.Providers;

    /// <summary>The results table of the run page (the diff below it names resources too).</summary>
    private static string Results(string html)
    {
        var start = html.IndexOf("id=\"results\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the results table is on the page");
        return html[start..html.IndexOf("id=\"diff\"", start, StringComparison.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_runs_page_lists_filters_and_diffs_and_keeps_other_organizations_out(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={w.Alice}");
        var runs = $"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/runs";
        var list = await (await browser.GetAsync(runs)).Content.ReadAsStringAsync();
        Assert.Contains($"data-run=\"{w.A.Run}\"", list, StringComparison.Ordinal);
        Assert.Contains("upload-run", list, StringComparison.Ordinal);
        Assert.Contains("/runs\"", await (await browser.GetAsync($"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/controls/1.1.1")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A second run of the same series: the policy is approved now, a new resource fails.
        const string second = """
            {"ruleSetVersion":"test-1","inputs":[{"fileName":"policy.json","sha256":"0000000000000000000000000000000000000000000000000000000000000000"}],
             "results":[{"ruleId":"policy-approved","titleKo":"정책 승인","titleEn":"Policy approved","severity":"medium","resourceType":"document","resourceId":"policy-v1","status":"pass","controls":[{"controlId":"1.1.1","checkItems":[1]}]},
                        {"ruleId":"policy-reviewed","titleKo":"정책 검토","titleEn":"Policy reviewed","severity":"high","resourceType":"document","resourceId":"policy-v2","status":"fail","controls":[{"controlId":"1.1.1","checkItems":[1]}]}]}
            """;
        var api = h.Client(w.Root);
        var posted = await HttpAssert.Json(await api.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}/automated-runs?label=policy.json", new StringContent(second, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        var run2 = posted.GetProperty("run").GetProperty("id").GetGuid();

        var detail = await (await browser.GetAsync($"{runs}/{run2}?against={w.A.Run}")).Content.ReadAsStringAsync();
        Assert.Contains("policy-v2", detail, StringComparison.Ordinal);
        Assert.Contains("id=\"diff-newly-failing\"", detail, StringComparison.Ordinal);
        Assert.Contains("id=\"diff-fixed-list\"", detail, StringComparison.Ordinal);
        Assert.Matches("id=\"diff-new\">1<", detail);
        Assert.Matches("id=\"diff-fixed\">1<", detail);

        var onlyHigh = Results(await (await browser.GetAsync($"{runs}/{run2}?severity=high")).Content.ReadAsStringAsync());
        Assert.Contains("policy-v2", onlyHigh, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>policy-v1</code>", onlyHigh, StringComparison.Ordinal);
        var onlyPass = Results(await (await browser.GetAsync($"{runs}/{run2}?status=pass&control=1.1.1")).Content.ReadAsStringAsync());
        Assert.Contains("<code>policy-v1</code>", onlyPass, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>policy-v2</code>", onlyPass, StringComparison.Ordinal);
        var otherControl = Results(await (await browser.GetAsync($"{runs}/{run2}?control=2.5.4")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("<code>policy-v", otherControl, StringComparison.Ordinal);

        // B's run under A's organization, and B's organization, are not found for Alice.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{runs}/{w.B.Run}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/orgs/{w.A.Org}/assessments/{w.B.Assessment}/runs/{w.B.Run}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync($"/orgs/{w.B.Org}/assessments/{w.B.Assessment}/runs")).StatusCode);
    }
}
