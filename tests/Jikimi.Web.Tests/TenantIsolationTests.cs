using System.Net;
using System.Text;
using Jikimi.TestSupport.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Web.Tests;

/// <summary>
/// For every endpoint under /api/v1/orgs/{orgId}: a member of A asking for B's ids gets 404 and no data — through
/// B's organization id, and through A's organization with B's entity ids. The endpoint list is read from the app,
/// so a new endpoint without a case here fails the test.
/// </summary>
public class TenantIsolationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    // A body that would be valid for A, per "METHOD pattern". Upload endpoints get a multipart body.
    internal static readonly Dictionary<string, string> Bodies = new()
    {
        ["PUT /api/v1/orgs/{orgId:guid}/"] = """{"name":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/mfa-requirement"] = """{"required":false}""",
        ["PUT /api/v1/orgs/{orgId:guid}/cloud/usages"] = """{"usages":[{"provider":"azure","serviceModel":"iaas"}]}""",
        ["POST /api/v1/orgs/{orgId:guid}/cloud/certificates"] = """{"provider":"azure","kind":"isms","number":"ISMS-X"}""",
        ["POST /api/v1/orgs/{orgId:guid}/members/"] = """{"email":"z@z.kr","displayName":"z","role":"viewer"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/members/{userId:guid}"] = """{"role":"viewer"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/scope/"] = """{"certification":"isms","edition":"2023","version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/scope/items"] = """{"kind":"site","name":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/scope/items/{itemId:guid}"] = """{"name":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/api-tokens/"] = """{"name":"x","role":"viewer"}""",
        ["POST /api/v1/orgs/{orgId:guid}/assessments/"] = """{"year":2030,"edition":"2023"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/assessments/{assessmentId:guid}/controls/{controlId}"] = """{"status":"done","applicable":true,"version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/assessments/{assessmentId:guid}/controls/{controlId}/comments"] = """{"body":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/assessments/{assessmentId:guid}/check-items/{checkItemId}"] = """{"result":"fulfilled","version":0}""",
        ["PUT /api/v1/orgs/{orgId:guid}/evidence/{evidenceId:guid}"] = """{"title":"x","version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/evidence/{evidenceId:guid}/links"] = """{"assessmentId":"00000000-0000-0000-0000-000000000000","controlId":"1.1.1"}""",
        ["POST /api/v1/orgs/{orgId:guid}/audits/"] = """{"kind":"initial","operatingSince":"2020-01-01"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/audits/{auditId:guid}"] = """{"body":"x","version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/audits/{auditId:guid}/auditors"] = """{"userId":"00000000-0000-0000-0000-000000000000"}""",
        ["POST /api/v1/orgs/{orgId:guid}/audits/{auditId:guid}/decision"] = """{"decision":"reject"}""",
        ["POST /api/v1/orgs/{orgId:guid}/audits/{auditId:guid}/appeal"] = """{"note":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/audits/{auditId:guid}/findings"] = """{"controlId":"1.1.1","description":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/findings/{findingId:guid}/plan"] = """{"rootCause":"x","action":"x","owner":"x","dueOn":"2020-01-01"}""",
        ["POST /api/v1/orgs/{orgId:guid}/findings/{findingId:guid}/fix"] = """{"evidence":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/findings/{findingId:guid}/verify"] = """{"accepted":true}""",
        ["POST /api/v1/orgs/{orgId:guid}/findings/{findingId:guid}/further-correction"] = """{"note":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/certificates/{certificateId:guid}/suspend"] = """{"reason":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/certificates/{certificateId:guid}/reinstate"] = """{"reason":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/certificates/{certificateId:guid}/revoke"] = """{"reason":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/evidence/"] = "multipart",
        ["POST /api/v1/orgs/{orgId:guid}/evidence/{evidenceId:guid}/versions"] = "multipart",
        ["POST /api/v1/orgs/{orgId:guid}/assets/"] = """{"assetId":"X-1","name":"x","type":"server","confidentiality":1,"integrity":1,"availability":1}""",
        ["PUT /api/v1/orgs/{orgId:guid}/assets/{assetId:guid}"] = """{"assetId":"X-1","name":"x","type":"server","confidentiality":1,"integrity":1,"availability":1,"version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/assets/import"] = "assetId,name,type,confidentiality,integrity,availability\nX-9,x,server,1,1,1\n",
        ["POST /api/v1/orgs/{orgId:guid}/risk/threats"] = """{"code":"X1","nameKo":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/risk/threats/{threatId:guid}"] = """{"code":"X1","nameKo":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/risk/assessments/"] = """{"year":2031}""",
        ["PUT /api/v1/orgs/{orgId:guid}/risk/assessments/{riskAssessmentId:guid}/acceptable-level"] = """{"level":5,"version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/risk/assessments/{riskAssessmentId:guid}/acceptable-level/approve"] = "{}",
        ["POST /api/v1/orgs/{orgId:guid}/risk/assessments/{riskAssessmentId:guid}/risks"] = """{"assetId":"00000000-0000-0000-0000-000000000000","threatId":"00000000-0000-0000-0000-000000000000","threatLevel":1,"vulnerabilityLevel":1,"vulnerability":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/risk/assessments/{riskAssessmentId:guid}/risks/{riskId:guid}/treatment"] = """{"strategy":"accept","completed":false,"version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/risk/assessments/{riskAssessmentId:guid}/risks/{riskId:guid}/accept"] = "{}",
        ["POST /api/v1/orgs/{orgId:guid}/pi-flows/"] = """{"service":"x","stage":"collection","items":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/pi-flows/{flowId:guid}"] = """{"service":"x","stage":"collection","items":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/policies/"] = """{"code":"P-X","title":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/policies/{policyId:guid}"] = """{"code":"P-X","title":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/policies/{policyId:guid}/versions"] = """{"changeNote":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/policies/{policyId:guid}/approve"] = """{}""",
        ["POST /api/v1/orgs/{orgId:guid}/policies/{policyId:guid}/review"] = """{"note":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/policies/{policyId:guid}/acknowledge"] = """{}""",
        ["POST /api/v1/orgs/{orgId:guid}/subject-requests/"] = """{"kind":"access"}""",
        ["POST /api/v1/orgs/{orgId:guid}/past-certificates/"] = """{"scheme":"k-isms","number":"KISA-2015-001","issuedOn":"2015-03-01","expiresOn":"2018-02-28","scope":"본사 IDC"}""",
        ["POST /api/v1/orgs/{orgId:guid}/subject-requests/{requestId:guid}/response"] = """{"outcome":"fulfilled"}""",
        ["POST /api/v1/orgs/{orgId:guid}/meetings/"] = """{"title":"x","agenda":"x","attendees":"x"}""",
        ["POST /api/v1/orgs/{orgId:guid}/meetings/{meetingId:guid}/actions/{actionId:guid}/complete"] = """{}""",
        ["POST /api/v1/orgs/{orgId:guid}/processing-systems/"] = """{"name":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/processing-systems/{systemId:guid}"] = """{"name":"x"}""",
        ["PUT /api/v1/orgs/{orgId:guid}/processing-systems/{systemId:guid}/format"] = """{"format":"combined"}""",
        ["POST /api/v1/orgs/{orgId:guid}/processing-systems/{systemId:guid}/records"] = "multipart",
        ["POST /api/v1/orgs/{orgId:guid}/processing-systems/{systemId:guid}/records/purge"] = "{}",
        ["POST /api/v1/orgs/{orgId:guid}/assessments/{assessmentId:guid}/statement"] = "multipart",
        ["POST /api/v1/orgs/{orgId:guid}/prowler"] = "multipart",
        ["POST /api/v1/orgs/{orgId:guid}/assessments/{assessmentId:guid}/automated-runs"] = "multipart",
        ["POST /api/v1/orgs/{orgId:guid}/assessments/{assessmentId:guid}/suggestions/{suggestionId:guid}/accept"] = """{"version":0}""",
        ["POST /api/v1/orgs/{orgId:guid}/assessments/{assessmentId:guid}/suggestions/{suggestionId:guid}/dismiss"] = """{"version":0}""",
    };

    internal static List<(string Method, string Pattern)> OrgEndpoints(WebHarness h) =>
        h.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/orgs/{orgId", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();

    internal static string Url(string pattern, Guid org, OrgIds ids, Risk.RiskIds? risk = null) => (risk?.Fill(pattern) ?? pattern)
        .Replace("{orgId:guid}", org.ToString(), StringComparison.Ordinal)
        .Replace("{assessmentId:guid}", ids.Assessment.ToString(), StringComparison.Ordinal)
        .Replace("{evidenceId:guid}", ids.Evidence.ToString(), StringComparison.Ordinal)
        .Replace("{itemId:guid}", ids.ScopeItem.ToString(), StringComparison.Ordinal)
        .Replace("{tokenId:guid}", ids.Token.ToString(), StringComparison.Ordinal)
        .Replace("{userId:guid}", ids.Member.ToString(), StringComparison.Ordinal)
        .Replace("{linkId:guid}", ids.EvidenceLink.ToString(), StringComparison.Ordinal)
        .Replace("{auditId:guid}", ids.Audit.ToString(), StringComparison.Ordinal)
        .Replace("{findingId:guid}", ids.Finding.ToString(), StringComparison.Ordinal)
        .Replace("{certificateId:guid}", ids.Certificate.ToString(), StringComparison.Ordinal)
        .Replace("{runId:guid}", ids.Run.ToString(), StringComparison.Ordinal)
        .Replace("{suggestionId:guid}", ids.Suggestion.ToString(), StringComparison.Ordinal)
        .Replace("{controlId}", "1.1.1", StringComparison.Ordinal)
        .Replace("{checkItemId}", "1.1.1-1", StringComparison.Ordinal);

    internal static HttpRequestMessage Request(string method, string pattern, string url, Func<string, string>? fillBody = null)
    {
        Assert.False(url.Contains('{', StringComparison.Ordinal), $"{pattern}: add its route parameter to Url() so the test reaches the endpoint");
        var req = new HttpRequestMessage(new HttpMethod(method), url);
        var key = $"{method} {pattern}";
        if (method is "POST" or "PUT")
        {
            Assert.True(Bodies.ContainsKey(key), $"No sample body for {key}: add one so tenant isolation is tested for it.");
            if (Bodies[key] == "multipart")
            {
                var form = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } };
                req.Content = form;
            }
            else
            {
                req.Content = new StringContent(fillBody?.Invoke(Bodies[key]) ?? Bodies[key], Encoding.UTF8, "application/json");
            }
        }

        return req;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_member_of_A_gets_404_for_every_endpoint_with_Bs_ids(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var bRisk = await Risk.RiskIds.CreateAsync(h.Client(w.Root), w.B.Org);
        var alice = h.Client(w.Alice);
        var endpoints = OrgEndpoints(h);
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} org endpoints found");
        var failures = new List<string>();
        foreach (var (method, pattern) in endpoints)
        {
            // B's organization id.
            var viaOrg = await alice.SendAsync(Request(method, pattern, Url(pattern, w.B.Org, w.B, bRisk)));
            if (viaOrg.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{method} {pattern} via B's org: {(int)viaOrg.StatusCode}");
            }

            // A's organization id, B's entity ids (only where the route names an entity).
            if (pattern.Count(ch => ch == '{') > 1)
            {
                var viaIds = await alice.SendAsync(Request(method, pattern, Url(pattern, w.A.Org, w.B, bRisk)));
                if (viaIds.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"{method} {pattern} with B's ids: {(int)viaIds.StatusCode} {await viaIds.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // B is untouched and A's own ids work for Alice.
        var root = h.Client(w.Root);
        var bEvidence = await HttpAssert.Json(await root.GetAsync($"/api/v1/orgs/{w.B.Org}/evidence/{w.B.Evidence}"), HttpStatusCode.OK);
        Assert.Equal(1, bEvidence.GetProperty("currentVersion").GetInt32());
        await HttpAssert.Json(await alice.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence/{w.A.Evidence}"), HttpStatusCode.OK);
        var bRisks = await HttpAssert.Json(await root.GetAsync($"/api/v1/orgs/{w.B.Org}/risk/assessments/{bRisk.RiskAssessment}/risks"), HttpStatusCode.OK);
        var bOnly = Assert.Single(bRisks.GetProperty("items").EnumerateArray());
        Assert.Equal(("none", 0), (bOnly.GetProperty("strategy").GetString(), bOnly.GetProperty("version").GetInt32()));
        Assert.Equal(1, (await HttpAssert.Json(await root.GetAsync($"/api/v1/orgs/{w.B.Org}/assets"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Api_token_works_only_in_its_own_organization(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var created = await HttpAssert.Json(await h.Client(w.Alice).PostAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new StringContent("""{"name":"ci","role":"viewer"}""", Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        var token = created.GetProperty("token").GetString()!;
        var c = h.Client(token);
        await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments"), HttpStatusCode.OK);
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{w.B.Org}/assessments"), HttpStatusCode.NotFound, "organization.not_found");
        await HttpAssert.Problem(await c.PutAsync($"/api/v1/orgs/{w.A.Org}/evidence/{w.A.Evidence}", new StringContent("""{"title":"x","version":0}""", Encoding.UTF8, "application/json")), HttpStatusCode.Forbidden, "access.forbidden");
        await h.Client(w.Alice).DeleteAsync($"/api/v1/orgs/{w.A.Org}/api-tokens/{created.GetProperty("info").GetProperty("id").GetGuid()}");
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments"), HttpStatusCode.Unauthorized, "auth.required");
    }
}
