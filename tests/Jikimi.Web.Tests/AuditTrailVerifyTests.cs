using System.Net;
using System.Text.Json;
using Jikimi.Application.Data;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Web.Tests;

/// <summary>The audit-trail check over HTTP and on the admin page (ADR 0052, 0068), and that the UI's report downloads anchor.</summary>
public class AuditTrailVerifyTests
{
    private const string Verify = "/api/v1/admin/audit-trail/verify";

    private static HttpClient Browser(WebHarness h, string session)
    {
        var c = h.Client();
        c.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={session}");
        return c;
    }

    private static HashSet<string> Anchors(WebHarness h)
    {
        var dir = Path.Combine(h.Database.DataDirectory, "anchors");
        return Directory.Exists(dir) ? [.. Directory.EnumerateFiles(dir, "audit-anchor-*.json").Select(f => Path.GetFileName(f))] : [];
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_tail_cut_behind_the_anchor_a_UI_download_wrote_is_reported_by_the_endpoint_and_the_page(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var root = h.Client(w.Root);

        var intact = await HttpAssert.Json(await root.GetAsync(Verify), HttpStatusCode.OK);
        Assert.Equal("ok", intact.GetProperty("status").GetString());
        Assert.Empty(intact.GetProperty("breaks").EnumerateArray());
        Assert.True(intact.GetProperty("events").GetInt64() > 0);

        // Only the instance administrator: an organization's administrator is refused, a stranger must sign in.
        await HttpAssert.Problem(await h.Client(w.Alice).GetAsync(Verify), HttpStatusCode.Forbidden, "access.system_administrator");
        await HttpAssert.Problem(await h.Client().GetAsync(Verify), HttpStatusCode.Unauthorized, "auth.required");
        Assert.Equal(HttpStatusCode.NotFound, (await Browser(h, w.Alice).GetAsync("/admin/audit-trail")).StatusCode);
        var page = await Browser(h, w.Root).GetAsync("/admin/audit-trail");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-status=\"ok\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The findings report downloaded from the audit page (not the API) writes an anchor.
        var before = Anchors(h);
        var report = await Browser(h, w.Alice).GetAsync($"/orgs/{w.A.Org}/audits/{w.A.Audit}?handler=FindingsReport&format=html");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var anchor = Assert.Single(Anchors(h).Except(before));
        var heads = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(h.Database.DataDirectory, "anchors", anchor))).RootElement.GetProperty("heads");
        var chain = w.A.Org.ToString();
        var anchored = heads.EnumerateArray().Single(x => x.GetProperty("chain").GetString() == chain).GetProperty("sequence").GetInt64();

        // Cut organization A's chain from the anchored head on: what is left is a valid, shorter chain.
        await using (var scope = h.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JikimiDb>();
            Assert.True(await db.AuditEvents.IgnoreQueryFilters().Where(e => e.Chain == chain && e.Sequence >= anchored).ExecuteDeleteAsync() >= 1);
        }

        var broken = await HttpAssert.Json(await root.GetAsync(Verify), HttpStatusCode.OK);
        Assert.Equal("broken", broken.GetProperty("status").GetString());
        var cut = Assert.Single(broken.GetProperty("breaks").EnumerateArray());
        Assert.Equal((chain, anchored, "truncated", anchor), (cut.GetProperty("chain").GetString(), cut.GetProperty("sequence").GetInt64(), cut.GetProperty("kind").GetString(), cut.GetProperty("anchor").GetString()));

        var shown = await (await Browser(h, w.Root).GetAsync("/admin/audit-trail")).Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"broken\"", shown, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"truncated\"", shown, StringComparison.Ordinal);
        Assert.Contains(anchor, shown, StringComparison.Ordinal);
        Assert.Contains("최신 기록이 삭제되었습니다", shown, StringComparison.Ordinal);
    }
}
