using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

public class ApiContractTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_compliance_manager_assesses_a_control_end_to_end(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var baseUrl = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}";

        var control = await HttpAssert.Json(await c.GetAsync($"{baseUrl}/controls/2.5.4"), HttpStatusCode.OK);
        Assert.Equal("비밀번호 관리", control.GetProperty("control").GetProperty("titleKo").GetString());
        Assert.Equal(3, control.GetProperty("checkItems").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(control.GetProperty("criterionKo").GetString()));
        var version = control.GetProperty("control").GetProperty("version").GetInt32();

        var update = new { status = "in-review", applicable = true, dueDate = "2026-12-31", operationStatus = "비밀번호 작성규칙을 시스템으로 강제함", relatedDocuments = "정보보호 지침 제12조", evidenceRecords = "설정 화면", version };
        var updated = await HttpAssert.Json(await c.PutAsJsonAsync($"{baseUrl}/controls/2.5.4", update), HttpStatusCode.OK);
        Assert.Equal("in-review", updated.GetProperty("control").GetProperty("status").GetString());
        await HttpAssert.Problem(await c.PutAsJsonAsync($"{baseUrl}/controls/2.5.4", update), HttpStatusCode.Conflict, "concurrency.conflict");

        foreach (var item in new[] { "2.5.4-1", "2.5.4-2", "2.5.4-3" })
        {
            await HttpAssert.Json(await c.PutAsJsonAsync($"{baseUrl}/check-items/{item}", new { result = "fulfilled", version = 0 }), HttpStatusCode.OK);
        }

        await HttpAssert.Problem(await c.PutAsJsonAsync($"{baseUrl}/check-items/2.5.5-1", new { result = "not-applicable", version = 0 }), HttpStatusCode.UnprocessableEntity, "result.reason_required");
        await HttpAssert.Json(await c.PostAsJsonAsync($"{baseUrl}/controls/2.5.4/comments", new { body = "<script>alert(1)</script> 확인 바랍니다" }), HttpStatusCode.Created);
        var after = await HttpAssert.Json(await c.GetAsync($"{baseUrl}/controls/2.5.4"), HttpStatusCode.OK);
        Assert.Equal("fulfilled", after.GetProperty("control").GetProperty("result").GetString());
        Assert.Equal("<script>alert(1)</script> 확인 바랍니다", after.GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.True(after.GetProperty("history").GetArrayLength() >= 4);

        var readiness = await HttpAssert.Json(await c.GetAsync($"{baseUrl}/readiness"), HttpStatusCode.OK);
        Assert.Equal(3, readiness.GetProperty("overall").GetProperty("fulfilled").GetInt32());
        Assert.Equal(21, readiness.GetProperty("subdomains").GetArrayLength());

        var list = await HttpAssert.Json(await c.GetAsync($"{baseUrl}/controls?status=in-review"), HttpStatusCode.OK);
        Assert.Equal("2.5.4", list[0].GetProperty("controlId").GetString());
        var audit = await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/audit-events?action=check_item.*"), HttpStatusCode.OK);
        Assert.Equal(3, audit.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Bad_requests_get_problem_details_with_stable_codes(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments", Json("{\"year\": 2027, ")), HttpStatusCode.BadRequest, "request.invalid");
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments", Json("{\"year\": \"soon\"}")), HttpStatusCode.BadRequest, "request.invalid");
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "assessment.not_found");
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}/controls/9.9.9"), HttpStatusCode.NotFound, "control.not_found");
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{Guid.NewGuid()}/assessments"), HttpStatusCode.NotFound, "organization.not_found");
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments", Json("{\"year\": 2026, \"edition\": \"2023\"}")), HttpStatusCode.Conflict, "assessment.exists");
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments", Json("{\"year\": 2027, \"edition\": \"2020\"}")), HttpStatusCode.UnprocessableEntity, "validation.edition");
        await HttpAssert.Problem(await h.Client().GetAsync($"/api/v1/orgs/{w.A.Org}/assessments"), HttpStatusCode.Unauthorized, "auth.required");
        await HttpAssert.Problem(await h.Client("jks_not-a-session").GetAsync("/api/v1/orgs"), HttpStatusCode.Unauthorized, "auth.required");
        await HttpAssert.Problem(await h.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = "alice@a.kr", password = "wrong" }), HttpStatusCode.Unauthorized, "auth.failed");
        await HttpAssert.Problem(await h.Client().PostAsJsonAsync("/api/v1/setup", new { setupToken = h.SetupToken, email = "x@x.kr", displayName = "x", password = "Strong-pass-2026" }), HttpStatusCode.Conflict, "setup.done");
        await HttpAssert.Problem(await h.Client(w.Alice).PostAsJsonAsync("/api/v1/orgs", new { name = "다른 회사" }), HttpStatusCode.Forbidden, "access.system_administrator");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Viewers_and_auditors_read_but_cannot_change_results(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        // An auditor-role token is the auditor's own (issue 16): an administrator cannot make one that would act with
        // the administrator's identity. The auditor's own tokens are tested in AuditorTokenTests.
        await HttpAssert.Problem(await h.Client(w.Alice).PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "a", role = "auditor" }), HttpStatusCode.UnprocessableEntity, "token.auditor_personal");
        foreach (var role in new[] { "viewer" })
        {
            var token = (await HttpAssert.Json(await h.Client(w.Alice).PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = role, role }), HttpStatusCode.Created)).GetProperty("token").GetString();
            var c = h.Client(token);
            var baseUrl = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}";
            var (read, write, code) = (HttpStatusCode.OK, HttpStatusCode.Forbidden, "access.forbidden");
            Assert.Equal(read, (await c.GetAsync($"{baseUrl}/controls/1.1.1")).StatusCode);
            Assert.Equal(read, (await c.GetAsync($"{baseUrl}/readiness")).StatusCode);
            await HttpAssert.Problem(await c.PutAsJsonAsync($"{baseUrl}/check-items/1.1.1-1", new { result = "fulfilled", version = 0 }), write, code);
            await HttpAssert.Problem(await c.PutAsJsonAsync($"{baseUrl}/controls/1.1.1", new { status = "done", applicable = true, version = 0 }), write, code);
            await HttpAssert.Problem(await c.DeleteAsync($"/api/v1/orgs/{w.A.Org}/evidence/{w.A.Evidence}"), HttpStatusCode.Forbidden, "access.forbidden");
            using var form = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } };
            await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/evidence", form), HttpStatusCode.Forbidden, "access.forbidden");
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Evidence_upload_limit_download_headers_and_versions(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider, new Dictionary<string, string> { ["Evidence:MaxUploadBytes"] = "65536" });
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var before = (await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence"), HttpStatusCode.OK)).GetProperty("total").GetInt32();
        using (var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[65537]), "file", "big.bin" } })
        {
            await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/evidence", big), HttpStatusCode.RequestEntityTooLarge, "input.too_large");
        }

        var after = (await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence"), HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
        var store = Path.Combine(h.Database.DataDirectory, "evidence");
        Assert.Single(Directory.GetFiles(store, "*", SearchOption.AllDirectories), f => File.ReadAllText(f) == "내용"); // A's and B's identical file, stored once (beside their automated runs' files)
        Assert.Empty(Directory.GetFiles(Path.Combine(store, "tmp")));

        var up = await World.UploadAsync(c, w.A.Org, "위험\"평가;결과<1>.html", "<script>alert(1)</script>"u8.ToArray(), ("title", "위험평가 결과"), ("effectiveDate", "2026-10-01"), ("refreshIntervalDays", "365"));
        var id = up.GetProperty("id").GetGuid();
        Assert.Equal("2027-10-01", up.GetProperty("expiresOn").GetString());
        var dl = await c.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence/{id}/download");
        Assert.Equal(HttpStatusCode.OK, dl.StatusCode);
        Assert.Equal("application/octet-stream", dl.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", dl.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("위험_평가_결과<1>.html".Replace("<", "_", StringComparison.Ordinal).Replace(">", "_", StringComparison.Ordinal), dl.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", dl.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("<script>alert(1)</script>", await dl.Content.ReadAsStringAsync());

        using (var v2 = new MultipartFormDataContent { { new StringContent("2026-11-01"), "effectiveDate" }, { new ByteArrayContent("v2"u8.ToArray()), "file", "v2.txt" } })
        {
            var second = await HttpAssert.Json(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/evidence/{id}/versions", v2), HttpStatusCode.Created);
            Assert.Equal(2, second.GetProperty("currentVersion").GetInt32());
        }

        Assert.Equal("<script>alert(1)</script>", await (await c.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence/{id}/download?version=1")).Content.ReadAsStringAsync());
        Assert.Equal("v2", await (await c.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence/{id}/download")).Content.ReadAsStringAsync());
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/evidence", Json("{}")), HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "title" } };
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/evidence", noFile), HttpStatusCode.UnprocessableEntity, "evidence.empty");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Cached_reads_follow_writes_and_sign_out_ends_the_session_at_once(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var url = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}";
        Assert.Equal(0, (await HttpAssert.Json(await c.GetAsync($"{url}/readiness"), HttpStatusCode.OK)).GetProperty("overall").GetProperty("fulfilled").GetInt32());
        Assert.Equal("unassessed", (await HttpAssert.Json(await c.GetAsync($"{url}/controls?subdomain=1.1"), HttpStatusCode.OK))[0].GetProperty("result").GetString());
        await HttpAssert.Json(await c.PutAsJsonAsync($"{url}/check-items/1.1.1-1", new { result = "fulfilled", version = 0 }), HttpStatusCode.OK);
        await HttpAssert.Json(await c.PutAsJsonAsync($"{url}/check-items/1.1.1-2", new { result = "fulfilled", version = 0 }), HttpStatusCode.OK);
        Assert.Equal(2, (await HttpAssert.Json(await c.GetAsync($"{url}/readiness"), HttpStatusCode.OK)).GetProperty("overall").GetProperty("fulfilled").GetInt32());
        Assert.Equal("fulfilled", (await HttpAssert.Json(await c.GetAsync($"{url}/controls?subdomain=1.1"), HttpStatusCode.OK))[0].GetProperty("result").GetString());

        await HttpAssert.Json(await c.GetAsync("/api/v1/orgs"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await c.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        await HttpAssert.Problem(await c.GetAsync("/api/v1/orgs"), HttpStatusCode.Unauthorized, "auth.required");

        // A member removed from A loses access at once, even though their session is cached.
        var bob = await HttpAssert.Json(await h.Client(w.Root).PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/members", new { email = "bob@a.kr", displayName = "밥", role = "viewer" }), HttpStatusCode.Created);
        await HttpAssert.Json(await h.Client().PostAsJsonAsync("/api/v1/invitations/accept", new { token = bob.GetProperty("invitationToken").GetString(), password = "Rivers-and-roads-9" }), HttpStatusCode.OK);
        var bobClient = h.Client(await h.LoginAsync("bob@a.kr", "Rivers-and-roads-9"));
        await HttpAssert.Json(await bobClient.GetAsync($"{url}/readiness"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await h.Client(w.Root).DeleteAsync($"/api/v1/orgs/{w.A.Org}/members/{bob.GetProperty("member").GetProperty("userId").GetGuid()}")).StatusCode);
        await HttpAssert.Problem(await bobClient.GetAsync($"{url}/readiness"), HttpStatusCode.NotFound, "organization.not_found");
    }

    [PostgresFact]
    public async Task A_second_postgres_node_sees_changes_at_once_through_notify()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Postgres);
        var w = await World.CreateAsync(h);
        await using var node2 = await h.SecondNodeAsync();
        var url = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}";
        var reader = node2.Client(w.Alice);
        Assert.Equal(0, (await HttpAssert.Json(await reader.GetAsync($"{url}/readiness"), HttpStatusCode.OK)).GetProperty("overall").GetProperty("fulfilled").GetInt32());
        await HttpAssert.Json(await h.Client(w.Alice).PutAsJsonAsync($"{url}/check-items/1.1.1-1", new { result = "fulfilled", version = 0 }), HttpStatusCode.OK);

        // The cache TTL is 30 s; seeing the change within 5 s means the notification arrived.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        int fulfilled;
        while ((fulfilled = (await HttpAssert.Json(await reader.GetAsync($"{url}/readiness"), HttpStatusCode.OK)).GetProperty("overall").GetProperty("fulfilled").GetInt32()) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1, fulfilled);

        // A token revoked on node 1 stops working on node 2 at once (well inside Cache:SecurityTtl, 5 s).
        var token = (await HttpAssert.Json(await h.Client(w.Alice).PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "ci", role = "viewer" }), HttpStatusCode.Created));
        var ci = node2.Client(token.GetProperty("token").GetString());
        await HttpAssert.Json(await ci.GetAsync($"{url}/readiness"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await h.Client(w.Alice).DeleteAsync($"/api/v1/orgs/{w.A.Org}/api-tokens/{token.GetProperty("info").GetProperty("id").GetGuid()}")).StatusCode);
        deadline = DateTime.UtcNow.AddSeconds(2);
        HttpStatusCode status;
        while ((status = (await ci.GetAsync($"{url}/readiness")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task OpenApi_reference_and_security_headers_are_served()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var doc = await HttpAssert.Json(await h.Client().GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/orgs/{orgId}/assessments/{assessmentId}/readiness", paths);
        Assert.Contains("/api/v1/orgs/{orgId}/evidence", paths);
        Assert.True(paths.Count >= 25, $"{paths.Count} paths");
        var page = await h.Client().GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("scalar", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var r = await h.Client().GetAsync("/api/v1/ping");
        var csp = r.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", r.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(r.Headers.Contains("Server"));
        var status = await HttpAssert.Json(await h.Client().GetAsync("/api/v1/setup/status"), HttpStatusCode.OK);
        Assert.True(status.GetProperty("setupRequired").GetBoolean());
        Assert.Matches("^setup-[0-9a-f]{32}$", h.SetupToken);
    }
}
