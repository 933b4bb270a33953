using System.Net;
using System.Net.Http.Json;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests.Audits;

/// <summary>
/// An auditor sees only what their audit needs (issue 16, item 2). The assigned auditor is exercised on every endpoint
/// and page by <see cref="EndpointCoverageTests"/>; here an unassigned auditor of the same organization calls every
/// endpoint and page and reaches nothing: a refusal or "not found", or a list without any of the organization's
/// assessments, audits, findings or evidence.
/// </summary>
public class AuditorReachTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    // Lists an auditor may call; for an unassigned one they must come back empty of A's things.
    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal)
    {
        "GET /api/v1/orgs/{orgId:guid}/",
        "GET /api/v1/orgs/{orgId:guid}/assessments/",
        "GET /api/v1/orgs/{orgId:guid}/audits/",
        "GET /api/v1/orgs/{orgId:guid}/findings/",
        "GET /api/v1/orgs/{orgId:guid}/evidence/",
        "GET /api/v1/orgs/{orgId:guid}/audit-events",
        "GET /api/v1/orgs/{orgId:guid}/api-tokens/",
        "PAGE orgs/{orgId:guid}/api-tokens",
        "PAGE orgs/{orgId:guid}",
        "PAGE orgs/{orgId:guid}/assessments",
        "PAGE orgs/{orgId:guid}/evidence",
        "PAGE orgs/{orgId:guid}/audit-trail",
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_unassigned_auditor_reaches_nothing_and_the_assigned_one_only_their_audit(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var root = h.Client(w.Root);
        var risk = await Risk.RiskIds.CreateAsync(root, w.A.Org);
        var users = await RoleUsers.CreateAsync(h, w);
        await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/audits/{w.A.Audit}/auditors", new { userId = users.Ids[Role.Auditor] }), HttpStatusCode.OK);
        await EndpointCoverageTests.AttachAssessmentAsync(root, w);
        var invite = await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/members", new { email = "outsider@a.kr", displayName = "외부 심사원", role = "auditor" }), HttpStatusCode.Created);
        await HttpAssert.Json(await h.Client().PostAsJsonAsync("/api/v1/invitations/accept", new { token = invite.GetProperty("invitationToken").GetString(), password = "Role-pass-2026!" }), HttpStatusCode.OK);
        var outsider = await h.LoginAsync("outsider@a.kr", "Role-pass-2026!");

        // The assigned auditor's lists hold exactly their audit, its assessment and the evidence linked to it.
        var assigned = h.Client(users.Sessions[Role.Auditor]);
        var assessments = await HttpAssert.Json(await assigned.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments"), HttpStatusCode.OK);
        Assert.Equal([w.A.Assessment], assessments.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        var evidence = (await HttpAssert.Json(await assigned.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence"), HttpStatusCode.OK)).ToString();
        Assert.Contains(w.A.Evidence.ToString(), evidence, StringComparison.Ordinal);
        await HttpAssert.Problem(await assigned.GetAsync($"/api/v1/orgs/{w.A.Org}/risk/assessments"), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await assigned.GetAsync($"/api/v1/orgs/{w.A.Org}/members"), HttpStatusCode.Forbidden, "access.forbidden");

        var secrets = new[] { w.A.Assessment, w.A.Audit, w.A.Finding, w.A.Evidence, w.A.Certificate, risk.Risk, risk.Asset }.Select(g => g.ToString()).ToArray();
        var wrong = new List<string>();
        var c = h.Client(outsider);
        foreach (var (key, _) in EndpointCoverageTests.Api)
        {
            var method = key.Split(' ')[0];
            var pattern = key[(method.Length + 1)..];
            var r = await c.SendAsync(TenantIsolationTests.Request(method, pattern, TenantIsolationTests.Url(pattern, w.A.Org, w.A, risk)));
            await Check(key, r);
        }

        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={outsider}");
        foreach (var (pattern, _) in EndpointCoverageTests.Pages)
        {
            await Check("PAGE " + pattern, await browser.GetAsync(UiSecurityTests.Url(pattern, w.A, risk)));
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        async Task Check(string key, HttpResponseMessage r)
        {
            var body = await r.Content.ReadAsStringAsync();
            if (Lists.Contains(key))
            {
                if (r.StatusCode != HttpStatusCode.OK || secrets.FirstOrDefault(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                {
                    wrong.Add($"{key}: {(int)r.StatusCode}, expected 200 without A's ids");
                }
            }
            else if (r.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                wrong.Add($"{key}: {(int)r.StatusCode}, expected 403 or 404");
            }
        }
    }
}
