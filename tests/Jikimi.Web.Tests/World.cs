using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Jikimi.Web.Tests;

/// <summary>Ids of one organization's things, for calling every endpoint.</summary>
/// <param name="Run">An automated run (checks) with a pending suggestion on 1.1.1-1: <paramref name="Suggestion"/>.</param>
public sealed record OrgIds(Guid Org, Guid Assessment, Guid Evidence, Guid ScopeItem, Guid Token, Guid Member, Guid EvidenceLink, Guid Audit, Guid Finding, Guid Certificate, Guid Run = default, Guid Suggestion = default);

/// <summary>
/// Two organizations, A and B, each with an assessment, evidence (linked), a scope item, an API token and a member.
/// Alice administers A only; the instance administrator created both.
/// </summary>
public sealed record World(string Root, string Alice, OrgIds A, OrgIds B)
{
    public static async Task<World> CreateAsync(WebHarness h)
    {
        var root = await h.AdminAsync();
        var a = await OrgAsync(h, root, "가 주식회사");
        var b = await OrgAsync(h, root, "나 주식회사");
        var admin = h.Client(root);
        var invite = await HttpAssert.Json(await admin.PostAsJsonAsync($"/api/v1/orgs/{a.Org}/members", new { email = "alice@a.kr", displayName = "앨리스", role = "administrator" }), HttpStatusCode.Created);
        await HttpAssert.Json(await h.Client().PostAsJsonAsync("/api/v1/invitations/accept", new { token = invite.GetProperty("invitationToken").GetString(), password = "Wonder-land-2026" }), HttpStatusCode.OK);
        var alice = await h.LoginAsync("alice@a.kr", "Wonder-land-2026");
        return new World(root, alice, a, b);
    }

    private static async Task<OrgIds> OrgAsync(WebHarness h, string root, string name)
    {
        var c = h.Client(root);
        var org = (await HttpAssert.Json(await c.PostAsJsonAsync("/api/v1/orgs", new { name }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var assessment = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/assessments", new { year = 2026, edition = "2023" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var evidence = await UploadAsync(c, org, "증적.txt", "내용"u8.ToArray(), ("link", $"{assessment}:2.2.4"));
        var evidenceId = evidence.GetProperty("id").GetGuid();
        var link = evidence.GetProperty("usedIn")[0].GetProperty("linkId").GetGuid();
        var item = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/scope/items", new { kind = "service", name = "쇼핑몰" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var token = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/api-tokens", new { name = "ci", role = "viewer" }), HttpStatusCode.Created)).GetProperty("info").GetProperty("id").GetGuid();
        var member = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/members", new { email = $"m-{org:N}@x.kr", displayName = "멤버", role = "viewer" }), HttpStatusCode.Created)).GetProperty("member").GetProperty("userId").GetGuid();
        // The certification cycle: an audit with an open finding, and a certificate from a second, approved audit.
        var audit = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/audits", new { kind = "initial", operatingSince = "2020-01-01" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var finding = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/audits/{audit}/findings", new { controlId = "2.5.4", description = "결함" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var certified = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/audits", new { kind = "initial", operatingSince = "2020-01-01" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var certificate = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/audits/{certified}/decision", new { decision = "approve", certificateNumber = $"C-{org:N}" }), HttpStatusCode.OK)).GetProperty("certificate").GetProperty("id").GetGuid();
        // Automated evidence: a checks run with a failure on 1.1.1-1, which suggests 미이행 there.
        var run = await HttpAssert.Json(await c.PostAsync($"/api/v1/orgs/{org}/assessments/{assessment}/automated-runs", new StringContent(CheckRunJson, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        var runId = run.GetProperty("run").GetProperty("id").GetGuid();
        var suggestion = (await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{org}/assessments/{assessment}/suggestions"), HttpStatusCode.OK))[0].GetProperty("id").GetGuid();
        return new OrgIds(org, assessment, evidenceId, item, token, member, link, audit, finding, certificate, runId, suggestion);
    }

    /// <summary>The JSON of `jikimi checks run --format json` (our own sample of its shape).</summary>
    public const string CheckRunJson = """
        {"ruleSetVersion":"test-1","inputs":[{"fileName":"policy.json","sha256":"0000000000000000000000000000000000000000000000000000000000000000"}],
         "results":[{"ruleId":"policy-approved","titleKo":"정책 승인","titleEn":"Policy approved","severity":"medium","resourceType":"document","resourceId":"policy-v1","status":"fail","detail":"no approval","controls":[{"controlId":"1.1.1","checkItems":[1]}]}]}
        """;

    public static async Task<JsonElement> UploadAsync(HttpClient c, Guid org, string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        form.Add(file);
        return await HttpAssert.Json(await c.PostAsync($"/api/v1/orgs/{org}/evidence", form), HttpStatusCode.Created);
    }
}
