using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests.Programme;

/// <summary>The dashboard's operations card (issue 20, item 8): what is due this month across the operating records.</summary>
public class OperationsCardTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_dashboard_lists_what_is_due_and_late_and_auditors_do_not_see_it(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var before = await Card(h, w.Alice, w.A.Org);

        // A request that arrived 30 days ago is past its 10-day answer period: due this month and late.
        var received = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var logged = await HttpAssert.Json(await h.Client(w.Alice).PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/subject-requests", new { kind = "access", receivedOn = received, channel = "email", reference = "REQ-1" }), HttpStatusCode.Created);
        var number = logged.GetProperty("number").GetInt32();

        var after = await Card(h, w.Alice, w.A.Org);
        Assert.Equal((before.Due + 1, before.Overdue + 1), (after.Due, after.Overdue));
        Assert.Contains($"정보주체 요구 #{number}", after.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/orgs/{w.A.Org}/subject-requests?status=open\"", after.Html, StringComparison.Ordinal);

        // Organization B's card does not show A's request.
        var b = await Card(h, w.Root, w.B.Org);
        Assert.DoesNotContain($"정보주체 요구 #{number} ", b.Html, StringComparison.Ordinal);
        Assert.Equal(0, b.Overdue);

        // Auditors do not see operating records, so no card for them.
        var roles = await RoleUsers.CreateAsync(h, w);
        var auditor = await Page(h, roles.Sessions[Role.Auditor], w.A.Org);
        Assert.DoesNotContain("id=\"operations-card\"", auditor, StringComparison.Ordinal);
        var viewer = await Card(h, roles.Sessions[Role.Viewer], w.A.Org);
        Assert.Equal(after.Due, viewer.Due);
    }

    private static async Task<string> Page(WebHarness h, string session, Guid org)
    {
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={session}");
        var r = await browser.GetAsync($"/orgs/{org}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }

    private static async Task<(int Due, int Overdue, string Html)> Card(WebHarness h, string session, Guid org)
    {
        var html = await Page(h, session, org);
        Assert.Contains("id=\"operations-card\"", html, StringComparison.Ordinal);
        return (Stat(html, "operations-due"), Stat(html, "operations-overdue"), html);
    }

    private static int Stat(string html, string id)
    {
        var m = Regex.Match(html, $"id=\"{id}\">(\\d+)<");
        Assert.True(m.Success, $"no #{id} in the page");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
