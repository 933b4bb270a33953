using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests.Audits;

/// <summary>
/// Issue 16, item 2: an auditor's API token carries the auditor's own scope (their assigned audits), never its
/// creator's; "my audits" lists an auditor's audits across every organization they serve. Each case is run for an
/// assigned and an unassigned auditor.
/// </summary>
public class AuditorTokenTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static List<Guid> AuditIds(JsonElement list) => list.EnumerateArray().Select(a => a.GetProperty("auditId").GetGuid()).ToList();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_auditors_token_and_my_audits_carry_the_auditors_own_assignments(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var root = h.Client(w.Root);
        var users = await RoleUsers.CreateAsync(h, w);
        var auditorId = users.Ids[Role.Auditor];
        await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/audits/{w.A.Audit}/auditors", new { userId = auditorId }), HttpStatusCode.OK);
        await EndpointCoverageTests.AttachAssessmentAsync(root, w);

        // The same auditor also serves organization B (a certification body's auditor) and is assigned to B's audit.
        await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{w.B.Org}/members", new { email = "auditor@a.kr", displayName = "auditor", role = "auditor" }), HttpStatusCode.Created);
        await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{w.B.Org}/audits/{w.B.Audit}/auditors", new { userId = auditorId }), HttpStatusCode.OK);
        var invite = await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/members", new { email = "outsider@a.kr", displayName = "외부 심사원", role = "auditor" }), HttpStatusCode.Created);
        await HttpAssert.Json(await h.Client().PostAsJsonAsync("/api/v1/invitations/accept", new { token = invite.GetProperty("invitationToken").GetString(), password = "Role-pass-2026!" }), HttpStatusCode.OK);
        var outsiderSession = await h.LoginAsync("outsider@a.kr", "Role-pass-2026!");
        var assigned = h.Client(users.Sessions[Role.Auditor]);
        var outsider = h.Client(outsiderSession);

        // My audits (API): the assigned auditor sees A's and B's audit with their organizations; the unassigned one nothing.
        var mine = await HttpAssert.Json(await assigned.GetAsync("/api/v1/me/audits"), HttpStatusCode.OK);
        Assert.Equal(new[] { w.A.Audit, w.B.Audit }.Order(), AuditIds(mine).Order());
        Assert.Equal(["가 주식회사", "나 주식회사"], mine.EnumerateArray().Select(a => a.GetProperty("organizationName").GetString()).Order());
        Assert.Equal(1, mine.EnumerateArray().Single(a => a.GetProperty("auditId").GetGuid() == w.A.Audit).GetProperty("openFindings").GetInt32());
        Assert.Empty(AuditIds(await HttpAssert.Json(await outsider.GetAsync("/api/v1/me/audits"), HttpStatusCode.OK)));
        Assert.Empty(AuditIds(await HttpAssert.Json(await h.Client(w.Alice).GetAsync("/api/v1/me/audits"), HttpStatusCode.OK)));

        // My audits (page): the same, in the browser's view.
        var page = await Page(h, users.Sessions[Role.Auditor], "/my-audits");
        Assert.Contains($"/orgs/{w.A.Org}/audits/{w.A.Audit}", page, StringComparison.Ordinal);
        Assert.Contains($"/orgs/{w.B.Org}/audits/{w.B.Audit}", page, StringComparison.Ordinal);
        var outsiderPage = await Page(h, outsiderSession, "/my-audits");
        Assert.Contains("id=\"no-audits\"", outsiderPage, StringComparison.Ordinal);
        Assert.DoesNotContain(w.A.Audit.ToString(), outsiderPage, StringComparison.OrdinalIgnoreCase);

        // An administrator cannot mint an auditor-role token (it would act as the administrator); an auditor cannot
        // mint anything but an auditor-role token.
        await HttpAssert.Problem(await h.Client(w.Alice).PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "x", role = "auditor" }), HttpStatusCode.UnprocessableEntity, "token.auditor_personal");
        await HttpAssert.Problem(await assigned.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "x", role = "viewer" }), HttpStatusCode.Forbidden, "token.role_above_holder");

        // The assigned auditor's own token reaches their audit, its assessment and nothing else; "my audits" through
        // it is narrowed to the token's organization.
        var created = await HttpAssert.Json(await assigned.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "audit-ci", role = "auditor" }), HttpStatusCode.Created);
        var token = h.Client(created.GetProperty("token").GetString()!);
        var audits = await HttpAssert.Json(await token.GetAsync($"/api/v1/orgs/{w.A.Org}/audits"), HttpStatusCode.OK);
        Assert.Equal([w.A.Audit], audits.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        await HttpAssert.Json(await token.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}"), HttpStatusCode.OK);
        await HttpAssert.Problem(await token.GetAsync($"/api/v1/orgs/{w.A.Org}/members"), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await token.GetAsync($"/api/v1/orgs/{w.B.Org}/audits"), HttpStatusCode.NotFound, "organization.not_found");
        Assert.Equal([w.A.Audit], AuditIds(await HttpAssert.Json(await token.GetAsync("/api/v1/me/audits"), HttpStatusCode.OK)));

        // The unassigned auditor's own token reaches no audit and no assessment.
        var outsiderToken = h.Client((await HttpAssert.Json(await outsider.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "o", role = "auditor" }), HttpStatusCode.Created)).GetProperty("token").GetString()!);
        Assert.Empty((await HttpAssert.Json(await outsiderToken.GetAsync($"/api/v1/orgs/{w.A.Org}/audits"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderToken.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderToken.GetAsync($"/api/v1/orgs/{w.A.Org}/audits/{w.A.Audit}")).StatusCode);

        // An auditor lists and revokes only their own tokens: the organization's CI token is not theirs to see or revoke.
        var listed = (await HttpAssert.Json(await assigned.GetAsync($"/api/v1/orgs/{w.A.Org}/api-tokens"), HttpStatusCode.OK)).EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([created.GetProperty("info").GetProperty("id").GetGuid()], listed);
        Assert.Equal(HttpStatusCode.NotFound, (await assigned.DeleteAsync($"/api/v1/orgs/{w.A.Org}/api-tokens/{w.A.Token}")).StatusCode);
        Assert.Contains(w.A.Token, (await HttpAssert.Json(await h.Client(w.Alice).GetAsync($"/api/v1/orgs/{w.A.Org}/api-tokens"), HttpStatusCode.OK)).EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        var tokensPage = await Page(h, users.Sessions[Role.Auditor], $"/orgs/{w.A.Org}/api-tokens");
        Assert.Contains("audit-ci", tokensPage, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"viewer\"", tokensPage, StringComparison.Ordinal);

        // When the auditor leaves the organization, their token stops at once (it never outlives its holder).
        Assert.Equal(HttpStatusCode.NoContent, (await root.DeleteAsync($"/api/v1/orgs/{w.A.Org}/members/{auditorId}")).StatusCode);
        await HttpAssert.Problem(await token.GetAsync($"/api/v1/orgs/{w.A.Org}/audits"), HttpStatusCode.Unauthorized, "auth.required");
        Assert.Equal([w.B.Audit], AuditIds(await HttpAssert.Json(await assigned.GetAsync("/api/v1/me/audits"), HttpStatusCode.OK)));
    }

    private static async Task<string> Page(WebHarness h, string session, string url)
    {
        var c = h.Client();
        c.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={session}");
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }
}
