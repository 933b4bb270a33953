using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.Time.Testing;

namespace Jikimi.Web.Tests.Audits;

/// <summary>The committee's further correction and the appeal window over HTTP, and the page actions that appear only when the domain allows them.</summary>
public class FurtherCorrectionAndAppealHttpTests
{
    private static async Task<JsonElement> Post(HttpClient c, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await HttpAssert.Json(await c.PostAsJsonAsync(url, body), expected);

    private static async Task<string> Page(HttpClient c, string url)
    {
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Further_correction_and_appeal_show_their_actions_only_while_allowed(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var h = await WebHarness.StartAsync(provider, clock: clock);
        await h.AdminAsync();
        HttpClient root = null!, browser = null!;

        // A jump of the clock ends the session (idle timeout): sign in again after each one.
        async Task SignInAsync()
        {
            var session = await h.LoginAsync("ciso@a.kr", "Strong-pass-2026");
            root = h.Client(session);
            browser = h.Client();
            browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={session}"); // the pages take the session cookie
        }

        await SignInAsync();
        var org = (await Post(root, "/api/v1/orgs", new { name = "지킴이 주식회사" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        string Api(string path) => $"/api/v1/orgs/{org}{path}";
        var audit = (await Post(root, Api("/audits"), new { kind = "initial", operatingSince = "2025-10-01", body = "KISA" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var finding = (await Post(root, Api($"/audits/{audit}/findings"), new { controlId = "2.5.4", description = "비밀번호 규칙 미적용" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var page = $"/orgs/{org}/findings/{finding}";
        Assert.DoesNotContain("request-further", await Page(browser, page), StringComparison.Ordinal); // open: nothing to send back
        await Post(root, Api($"/findings/{finding}/plan"), new { rootCause = "원인", action = "조치", owner = "담당", dueOn = "2026-02-01" });
        await Post(root, Api($"/findings/{finding}/fix"), new { evidence = "설정 캡처" });
        Assert.Contains("request-further", await Page(browser, page), StringComparison.Ordinal);

        clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero));
        await SignInAsync();
        var back = await Post(root, Api($"/findings/{finding}/further-correction"), new { note = "증적 부족" });
        Assert.Equal("further-correction", back.GetProperty("status").GetString());
        Assert.Equal("2026-03-04", back.GetProperty("furtherCorrectionDueOn").GetString());
        await HttpAssert.Problem(await root.PostAsJsonAsync(Api($"/findings/{finding}/further-correction"), new { note = "또" }), HttpStatusCode.Conflict, "finding.further_correction_used");
        var html = await Page(browser, page);
        Assert.DoesNotContain("request-further", html, StringComparison.Ordinal);
        Assert.Contains("id=\"further-correction\"", html, StringComparison.Ordinal);

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));
        await SignInAsync();
        html = await Page(browser, page);
        Assert.Contains("further-lapsed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("submit-plan", html, StringComparison.Ordinal);
        await HttpAssert.Problem(await root.PostAsJsonAsync(Api($"/findings/{finding}/plan"), new { rootCause = "원인", action = "조치", owner = "담당", dueOn = "2026-03-04" }), HttpStatusCode.UnprocessableEntity, "finding.further_correction_lapsed");

        var auditPage = $"/orgs/{org}/audits/{audit}";
        Assert.DoesNotContain("record-appeal", await Page(browser, auditPage), StringComparison.Ordinal);
        await Post(root, Api($"/audits/{audit}/decision"), new { decision = "reject", note = "추가 보완 미이행" });
        Assert.Equal("2026-03-20", (await HttpAssert.Json(await root.GetAsync(Api($"/audits/{audit}")), HttpStatusCode.OK)).GetProperty("appealBy").GetString());
        Assert.Contains("record-appeal", await Page(browser, auditPage), StringComparison.Ordinal);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 21, 9, 0, 0, TimeSpan.Zero));
        await SignInAsync();
        Assert.DoesNotContain("record-appeal", await Page(browser, auditPage), StringComparison.Ordinal);
        await HttpAssert.Problem(await root.PostAsJsonAsync(Api($"/audits/{audit}/appeal"), new { note = "이의" }), HttpStatusCode.UnprocessableEntity, "audit.appeal_window_closed");
    }
}
