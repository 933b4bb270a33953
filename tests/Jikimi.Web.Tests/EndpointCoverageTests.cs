using System.Net;
using System.Net.Http.Json;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Web.Tests;

/// <summary>
/// Every endpoint the app maps — API and pages — has a tenant-isolation case and a role case, so a new endpoint cannot
/// ship untested: organization endpoints are reached by <see cref="TenantIsolationTests"/> and
/// <see cref="UiSecurityTests"/> (both enumerate the app, this test checks they can reach each one) and must have a
/// row in the role matrix below, which <see cref="Every_organization_endpoint_answers_each_role_as_the_matrix_says"/>
/// calls as every role; the few endpoints outside an organization must be named in <see cref="Global"/> with the test
/// that covers them.
/// </summary>
public class EndpointCoverageTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly Role[] All = Enum.GetValues<Role>();
    private static readonly Role[] NotAuditor = [Role.Viewer, Role.ControlOwner, Role.ComplianceManager, Role.Administrator];
    private static readonly Role[] Editors = [Role.ControlOwner, Role.ComplianceManager, Role.Administrator];
    private static readonly Role[] Managers = [Role.ComplianceManager, Role.Administrator];
    private static readonly Role[] NotViewer = [Role.Auditor, Role.ControlOwner, Role.ComplianceManager, Role.Administrator];
    private static readonly Role[] AuditorsAndManagers = [Role.Auditor, Role.ComplianceManager, Role.Administrator];
    private static readonly Role[] Admin = [Role.Administrator];
    private static readonly Role[] AdminAndAuditor = [Role.Auditor, Role.Administrator];
    private static readonly Role[] None = [];

    private const string O = "/api/v1/orgs/{orgId:guid}";

    /// <summary>Who may call each organization API endpoint ("METHOD pattern" → the roles that are not refused 403).</summary>
    internal static readonly Dictionary<string, Role[]> Api = new()
    {
        [$"GET {O}/"] = All,
        [$"PUT {O}/"] = Admin,
        [$"PUT {O}/mfa-requirement"] = Admin,
        [$"GET {O}/audit-events"] = All,
        [$"GET {O}/audits/{{auditId:guid}}/reports/findings"] = All,
        [$"GET {O}/oscal/catalog"] = NotAuditor,
        [$"POST {O}/prowler"] = Managers,
        [$"GET {O}/certification/application"] = NotAuditor,
        [$"GET {O}/notifications"] = NotAuditor,
        [$"GET {O}/members/"] = NotAuditor,
        [$"POST {O}/members/"] = Admin,
        [$"PUT {O}/members/{{userId:guid}}"] = Admin,
        [$"DELETE {O}/members/{{userId:guid}}"] = Admin,
        [$"GET {O}/scope/"] = NotAuditor,
        [$"PUT {O}/scope/"] = Managers,
        [$"POST {O}/scope/items"] = Managers,
        [$"PUT {O}/scope/items/{{itemId:guid}}"] = Managers,
        [$"DELETE {O}/scope/items/{{itemId:guid}}"] = Managers,
        // An auditor manages their own auditor-role tokens only (the sample body asks for a viewer token, which an
        // auditor is refused); AuditorTokenTests covers the auditor's own tokens.
        [$"GET {O}/api-tokens/"] = AdminAndAuditor,
        [$"POST {O}/api-tokens/"] = Admin,
        [$"DELETE {O}/api-tokens/{{tokenId:guid}}"] = AdminAndAuditor,
        [$"GET {O}/assessments/"] = All,
        [$"POST {O}/assessments/"] = Managers,
        [$"GET {O}/assessments/{{assessmentId:guid}}"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/readiness"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/iso-coverage"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/controls"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/controls/{{controlId}}"] = All,
        [$"PUT {O}/assessments/{{assessmentId:guid}}/controls/{{controlId}}"] = Editors,
        [$"POST {O}/assessments/{{assessmentId:guid}}/controls/{{controlId}}/comments"] = NotViewer,
        [$"PUT {O}/assessments/{{assessmentId:guid}}/check-items/{{checkItemId}}"] = Editors,
        [$"POST {O}/assessments/{{assessmentId:guid}}/automated-runs"] = Managers,
        [$"GET {O}/assessments/{{assessmentId:guid}}/automated-runs"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/automated-runs/{{runId:guid}}"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/automated-runs/{{runId:guid}}/summary"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/automated-runs/{{runId:guid}}/diff"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/controls/{{controlId}}/automation"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/suggestions"] = All,
        [$"POST {O}/assessments/{{assessmentId:guid}}/suggestions/{{suggestionId:guid}}/accept"] = Editors,
        [$"POST {O}/assessments/{{assessmentId:guid}}/suggestions/{{suggestionId:guid}}/dismiss"] = Editors,
        [$"GET {O}/evidence/"] = All,
        [$"POST {O}/evidence/"] = Editors,
        [$"POST {O}/evidence/{{evidenceId:guid}}/versions"] = Editors,
        [$"GET {O}/evidence/{{evidenceId:guid}}"] = All,
        [$"PUT {O}/evidence/{{evidenceId:guid}}"] = Editors,
        [$"DELETE {O}/evidence/{{evidenceId:guid}}"] = Managers,
        [$"GET {O}/evidence/{{evidenceId:guid}}/download"] = All,
        [$"POST {O}/evidence/{{evidenceId:guid}}/links"] = Editors,
        [$"DELETE {O}/evidence/{{evidenceId:guid}}/links/{{linkId:guid}}"] = Editors,
        [$"GET {O}/assets/"] = NotAuditor,
        [$"POST {O}/assets/"] = Managers,
        [$"GET {O}/assets/{{assetId:guid}}"] = NotAuditor,
        [$"PUT {O}/assets/{{assetId:guid}}"] = Managers,
        [$"DELETE {O}/assets/{{assetId:guid}}"] = Managers,
        [$"GET {O}/assets/export.csv"] = NotAuditor,
        [$"GET {O}/assets/export.xlsx"] = NotAuditor,
        [$"POST {O}/assets/import"] = Managers,
        [$"GET {O}/risk/threats"] = NotAuditor,
        [$"POST {O}/risk/threats"] = Managers,
        [$"PUT {O}/risk/threats/{{threatId:guid}}"] = Managers,
        [$"GET {O}/risk/vulnerabilities/{{assessmentId:guid}}"] = NotAuditor,
        [$"GET {O}/risk/due-items"] = NotAuditor,
        [$"GET {O}/risk/assessments/"] = NotAuditor,
        [$"POST {O}/risk/assessments/"] = Managers,
        [$"GET {O}/risk/assessments/{{riskAssessmentId:guid}}"] = NotAuditor,
        [$"PUT {O}/risk/assessments/{{riskAssessmentId:guid}}/acceptable-level"] = Managers,
        [$"POST {O}/risk/assessments/{{riskAssessmentId:guid}}/acceptable-level/approve"] = Admin,
        [$"GET {O}/risk/assessments/{{riskAssessmentId:guid}}/risks"] = NotAuditor,
        [$"POST {O}/risk/assessments/{{riskAssessmentId:guid}}/risks"] = Managers,
        [$"DELETE {O}/risk/assessments/{{riskAssessmentId:guid}}/risks/{{riskId:guid}}"] = Managers,
        [$"PUT {O}/risk/assessments/{{riskAssessmentId:guid}}/risks/{{riskId:guid}}/treatment"] = Managers,
        [$"POST {O}/risk/assessments/{{riskAssessmentId:guid}}/risks/{{riskId:guid}}/accept"] = Admin,
        [$"GET {O}/risk/assessments/{{riskAssessmentId:guid}}/heat-map"] = NotAuditor,
        [$"GET {O}/risk/assessments/{{riskAssessmentId:guid}}/heat-map.svg"] = NotAuditor,
        [$"GET {O}/risk/assessments/{{riskAssessmentId:guid}}/by-domain"] = NotAuditor,
        [$"GET {O}/risk/assessments/{{riskAssessmentId:guid}}/by-domain.svg"] = NotAuditor,
        [$"GET {O}/pi-flows/"] = NotAuditor,
        [$"POST {O}/pi-flows/"] = Managers,
        [$"PUT {O}/pi-flows/{{flowId:guid}}"] = Managers,
        [$"DELETE {O}/pi-flows/{{flowId:guid}}"] = Managers,
        [$"GET {O}/pi-flows/diagram.svg"] = NotAuditor,
        [$"GET {O}/assessments/{{assessmentId:guid}}/statement"] = All,
        [$"POST {O}/assessments/{{assessmentId:guid}}/statement"] = Managers,
        [$"GET {O}/assessments/{{assessmentId:guid}}/reports/readiness"] = All,
        [$"GET {O}/assessments/{{assessmentId:guid}}/oscal"] = All,
        [$"GET {O}/audits/"] = All,
        [$"POST {O}/audits/"] = Managers,
        [$"GET {O}/audits/{{auditId:guid}}"] = All,
        [$"PUT {O}/audits/{{auditId:guid}}"] = AuditorsAndManagers,
        [$"POST {O}/audits/{{auditId:guid}}/auditors"] = Managers,
        [$"POST {O}/audits/{{auditId:guid}}/decision"] = Managers,
        [$"POST {O}/audits/{{auditId:guid}}/appeal"] = Managers,
        [$"GET {O}/audits/{{auditId:guid}}/findings"] = All,
        [$"POST {O}/audits/{{auditId:guid}}/findings"] = AuditorsAndManagers,
        [$"GET {O}/findings/"] = All,
        [$"GET {O}/findings/{{findingId:guid}}"] = All,
        [$"POST {O}/findings/{{findingId:guid}}/plan"] = Editors,
        [$"POST {O}/findings/{{findingId:guid}}/fix"] = Editors,
        [$"POST {O}/findings/{{findingId:guid}}/verify"] = AuditorsAndManagers,
        [$"POST {O}/findings/{{findingId:guid}}/further-correction"] = Managers,
        [$"GET {O}/past-certificates/"] = NotAuditor,
        [$"POST {O}/past-certificates/"] = Managers,
        [$"GET {O}/certificates/"] = NotAuditor,
        [$"GET {O}/certificates/{{certificateId:guid}}"] = NotAuditor,
        [$"GET {O}/certificates/{{certificateId:guid}}/timeline.svg"] = NotAuditor,
        [$"POST {O}/certificates/{{certificateId:guid}}/suspend"] = Managers,
        [$"POST {O}/certificates/{{certificateId:guid}}/reinstate"] = Managers,
        [$"POST {O}/certificates/{{certificateId:guid}}/revoke"] = Managers,
        [$"GET {O}/cloud/"] = NotAuditor,
        [$"PUT {O}/cloud/usages"] = Managers,
        [$"POST {O}/cloud/certificates"] = Managers,
        [$"GET {O}/policies/"] = NotAuditor,
        [$"POST {O}/policies/"] = Managers,
        [$"GET {O}/policies/{{policyId:guid}}"] = NotAuditor,
        [$"PUT {O}/policies/{{policyId:guid}}"] = Managers,
        [$"POST {O}/policies/{{policyId:guid}}/versions"] = Managers,
        [$"POST {O}/policies/{{policyId:guid}}/approve"] = Admin,
        [$"POST {O}/policies/{{policyId:guid}}/review"] = Managers,
        [$"POST {O}/policies/{{policyId:guid}}/acknowledge"] = NotAuditor,
        [$"GET {O}/subject-requests/"] = NotAuditor,
        [$"POST {O}/subject-requests/"] = Managers,
        [$"POST {O}/subject-requests/{{requestId:guid}}/response"] = Managers,
        [$"GET {O}/meetings/"] = NotAuditor,
        [$"POST {O}/meetings/"] = Managers,
        [$"POST {O}/meetings/{{meetingId:guid}}/actions/{{actionId:guid}}/complete"] = Managers,
        [$"GET {O}/processing-systems/"] = NotAuditor,
        [$"POST {O}/processing-systems/"] = Managers,
        [$"GET {O}/processing-systems/{{systemId:guid}}"] = NotAuditor,
        [$"PUT {O}/processing-systems/{{systemId:guid}}"] = Managers,
        [$"PUT {O}/processing-systems/{{systemId:guid}}/format"] = Managers,
        [$"POST {O}/processing-systems/{{systemId:guid}}/records"] = Managers,
        [$"GET {O}/processing-systems/{{systemId:guid}}/records/verify"] = NotAuditor,
        [$"POST {O}/processing-systems/{{systemId:guid}}/records/purge"] = Admin,
    };

    /// <summary>Who may open each organization page (GET; its forms call the same handlers as the API).</summary>
    internal static readonly Dictionary<string, Role[]> Pages = new()
    {
        ["orgs/{orgId:guid}"] = All,
        ["orgs/{orgId:guid}/api-tokens"] = All,
        ["orgs/{orgId:guid}/assessments"] = All,
        ["orgs/{orgId:guid}/assets"] = NotAuditor,
        ["orgs/{orgId:guid}/audits/{auditId:guid}"] = All,
        ["orgs/{orgId:guid}/audit-trail"] = All,
        ["orgs/{orgId:guid}/certificates/{certificateId:guid}"] = NotAuditor,
        ["orgs/{orgId:guid}/certification"] = NotAuditor,
        ["orgs/{orgId:guid}/assessments/{assessmentId:guid}/controls/{controlId}"] = All,
        ["orgs/{orgId:guid}/assessments/{assessmentId:guid}/controls"] = All,
        ["orgs/{orgId:guid}/assessments/{assessmentId:guid}/documents"] = All,
        ["orgs/{orgId:guid}/assessments/{assessmentId:guid}/runs"] = All,
        ["orgs/{orgId:guid}/assessments/{assessmentId:guid}/iso-coverage"] = All,
        ["orgs/{orgId:guid}/assessments/{assessmentId:guid}/runs/{runId:guid}"] = All,
        ["orgs/{orgId:guid}/evidence"] = All,
        ["orgs/{orgId:guid}/evidence/{evidenceId:guid}"] = All,
        ["orgs/{orgId:guid}/findings/{findingId:guid}"] = All,
        ["orgs/{orgId:guid}/flows"] = NotAuditor,
        ["orgs/{orgId:guid}/members"] = NotAuditor,
        ["orgs/{orgId:guid}/risks/{riskId:guid}"] = NotAuditor,
        ["orgs/{orgId:guid}/risks"] = NotAuditor,
        ["orgs/{orgId:guid}/scope"] = NotAuditor,
        ["orgs/{orgId:guid}/cloud"] = NotAuditor,
        ["orgs/{orgId:guid}/policies"] = NotAuditor,
        ["orgs/{orgId:guid}/subject-requests"] = NotAuditor,
        ["orgs/{orgId:guid}/meetings"] = NotAuditor,
    };

    /// <summary>
    /// Endpoints outside any organization: who may call them and the test that shows it (class.method, checked to
    /// exist). None of them takes another tenant's id.
    /// </summary>
    internal static readonly Dictionary<string, (string Who, string Test)> Global = new()
    {
        ["GET /openapi/{documentName}.json"] = ("anyone: the API description, no data", nameof(ApiContractTests)),
        ["GET /health"] = ("anyone: liveness, no data", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["* /health/ready"] = ("anyone: readiness (database reachable, schema current), no data", $"{nameof(OperationsTests)}.{nameof(OperationsTests.Readiness_checks_the_database_and_its_schema)}"),
        ["* /metrics"] = ("direct loopback peers without forwarding headers only (ADR 0036)", $"{nameof(OperationsTests)}.{nameof(OperationsTests.Metrics_are_not_served_without_a_loopback_peer)}"),
        ["GET /static/{**path}"] = ("anyone: bundled CSS/JS/fonts", $"{nameof(UiSecurityTests)}.{nameof(UiSecurityTests.Pages_send_strict_headers_and_cookies_are_http_only_and_secure_behind_https)}"),
        ["GET /login/sso"] = ("anyone: starts the OIDC sign-in", "Jikimi.E2E"),
        ["GET /login/sso/complete"] = ("anyone: ends the OIDC sign-in", "Jikimi.E2E"),
        ["GET /api/reference/scalar.js"] = ("anyone: API reference UI", nameof(ApiContractTests)),
        ["GET /api/reference/scalar.aspnetcore.js"] = ("anyone: API reference UI", nameof(ApiContractTests)),
        ["GET /api/reference/favicon.svg"] = ("anyone: API reference UI", nameof(ApiContractTests)),
        ["GET /api/reference/{documentName?}"] = ("anyone: API reference UI", nameof(ApiContractTests)),
        ["GET /api/v1/ping"] = ("anyone", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["POST /api/v1/invitations/accept"] = ("the holder of a one-time invitation token", nameof(ApiContractTests)),
        ["POST /api/v1/obligation/check"] = ("anyone: a pure calculation over the request", nameof(ApiContractTests)),
        ["GET /api/v1/setup/status"] = ("anyone", nameof(ApiContractTests)),
        ["POST /api/v1/setup/"] = ("the holder of the one-time setup token, once", nameof(ApiContractTests)),
        ["POST /api/v1/auth/login"] = ("anyone; rate-limited and locked out", nameof(AccountSecurityTests)),
        ["POST /api/v1/auth/logout"] = ("a signed-in user: ends their own session", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["GET /api/v1/auth/me"] = ("a signed-in user: their own account", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["GET /api/v1/me/"] = ("a signed-in user: their own account", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["GET /api/v1/me/audits"] = ("a signed-in user: the audits assigned to them as auditor (a token: its organization only)", $"{nameof(Audits.AuditorTokenTests)}.{nameof(Audits.AuditorTokenTests.An_auditors_token_and_my_audits_carry_the_auditors_own_assignments)}"),
        ["PUT /api/v1/me/preferences"] = ("a signed-in user: their own account", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["POST /api/v1/me/password"] = ("a signed-in user: their own account", nameof(AccountSecurityTests)),
        ["GET /api/v1/me/mfa"] = ("a signed-in user: their own account", nameof(AccountSecurityTests)),
        ["POST /api/v1/me/mfa"] = ("a signed-in user: their own account", nameof(AccountSecurityTests)),
        ["POST /api/v1/me/mfa/recovery-codes"] = ("a signed-in user: their own account", nameof(AccountSecurityTests)),
        ["POST /api/v1/me/mfa/disable"] = ("a signed-in user: their own account", nameof(AccountSecurityTests)),
        ["GET /api/v1/orgs/"] = ("a signed-in user: only their own organizations", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["POST /api/v1/orgs/"] = ("the instance administrator only", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["GET /api/v1/cloud-providers/"] = ("a signed-in user: instance-wide provider facts, no organization data", $"{nameof(CloudEndpointTests)}.{nameof(CloudEndpointTests.Instance_providers_are_read_by_anyone_signed_in_and_written_by_instance_administrators_only)}"),
        ["POST /api/v1/cloud-providers/"] = ("the instance administrator only", $"{nameof(CloudEndpointTests)}.{nameof(CloudEndpointTests.Instance_providers_are_read_by_anyone_signed_in_and_written_by_instance_administrators_only)}"),
        ["POST /api/v1/cloud-providers/{providerKey}/certificates"] = ("the instance administrator only", $"{nameof(CloudEndpointTests)}.{nameof(CloudEndpointTests.Instance_providers_are_read_by_anyone_signed_in_and_written_by_instance_administrators_only)}"),
        ["GET /api/v1/admin/audit-trail/verify"] = ("the instance administrator only: reads every organization's chain", $"{nameof(AuditTrailVerifyTests)}.{nameof(AuditTrailVerifyTests.A_tail_cut_behind_the_anchor_a_UI_download_wrote_is_reported_by_the_endpoint_and_the_page)}"),
        ["PAGE admin/audit-trail"] = ("the instance administrator only (404 for anyone else)", $"{nameof(AuditTrailVerifyTests)}.{nameof(AuditTrailVerifyTests.A_tail_cut_behind_the_anchor_a_UI_download_wrote_is_reported_by_the_endpoint_and_the_page)}"),
        ["PAGE admin/cloud-providers"] = ("the instance administrator only (404 for anyone else)", $"{nameof(CloudEndpointTests)}.{nameof(CloudEndpointTests.Cloud_pages_admin_page_for_instance_administrators_and_the_organizations_split)}"),
        ["PAGE account"] = ("a signed-in user: their own account", nameof(AccountSecurityTests)),
        ["PAGE account/mfa"] = ("a signed-in user: their own account", nameof(AccountSecurityTests)),
        ["PAGE catalog/{edition}/{controlId}"] = ("anyone signed in: the public criteria", "Jikimi.E2E"),
        ["PAGE my-audits"] = ("a signed-in user: the audits assigned to them as auditor", $"{nameof(Audits.AuditorTokenTests)}.{nameof(Audits.AuditorTokenTests.An_auditors_token_and_my_audits_carry_the_auditors_own_assignments)}"),
        ["PAGE catalog"] = ("anyone signed in: the public criteria", "Jikimi.E2E"),
        ["PAGE "] = ("a signed-in user: only their own organizations", $"{nameof(EndpointCoverageTests)}.{nameof(Endpoints_outside_an_organization_keep_to_their_caller)}"),
        ["PAGE invitation"] = ("the holder of a one-time invitation token", "Jikimi.E2E"),
        ["PAGE language"] = ("anyone: sets the language cookie", "Jikimi.E2E"),
        ["PAGE login"] = ("anyone", $"{nameof(UiSecurityTests)}.{nameof(UiSecurityTests.Pages_send_strict_headers_and_cookies_are_http_only_and_secure_behind_https)}"),
        ["PAGE login/mfa"] = ("the user between password and second factor", "Jikimi.E2E"),
        ["PAGE logout"] = ("a signed-in user: ends their own session", "Jikimi.E2E"),
        ["PAGE obligation"] = ("anyone: a pure calculation", "Jikimi.E2E"),
        ["PAGE setup"] = ("the holder of the one-time setup token, once", "Jikimi.E2E"),
    };

    private static IEnumerable<(string Key, bool Page, string Pattern)> AllEndpoints(WebHarness h) =>
        h.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null
                ? [("PAGE " + e.RoutePattern.RawText, true, e.RoutePattern.RawText!)]
                : (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => ($"{m} {e.RoutePattern.RawText}", false, e.RoutePattern.RawText!)))
            .Distinct();

    [Fact]
    public async Task Every_endpoint_has_an_isolation_case_and_a_role_case()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var ids = new OrgIds(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var risk = new Risk.RiskIds(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var tests = typeof(EndpointCoverageTests).Assembly.GetTypes();
        var missing = new List<string>();
        var endpoints = AllEndpoints(h).ToList();
        foreach (var (key, page, pattern) in endpoints)
        {
            if (!page && pattern.StartsWith("/api/v1/orgs/{orgId", StringComparison.Ordinal))
            {
                if (!Api.ContainsKey(key))
                {
                    missing.Add($"{key}: no row in {nameof(EndpointCoverageTests)}.{nameof(Api)} (role test)");
                }

                var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
                if (method is "POST" or "PUT" && !TenantIsolationTests.Bodies.ContainsKey(key))
                {
                    missing.Add($"{key}: no sample body in {nameof(TenantIsolationTests)}.{nameof(TenantIsolationTests.Bodies)} (isolation test)");
                }

                if (TenantIsolationTests.Url(pattern, ids.Org, ids, risk).Contains('{', StringComparison.Ordinal))
                {
                    missing.Add($"{key}: a route parameter {nameof(TenantIsolationTests)}.Url cannot fill (isolation test)");
                }
            }
            else if (page && pattern.Contains("{orgId:guid}", StringComparison.Ordinal))
            {
                if (!Pages.ContainsKey(pattern))
                {
                    missing.Add($"{key}: no row in {nameof(EndpointCoverageTests)}.{nameof(Pages)} (role test)");
                }

                if (UiSecurityTests.Url(pattern, ids, risk).Contains('{', StringComparison.Ordinal))
                {
                    missing.Add($"{key}: a route parameter {nameof(UiSecurityTests)}.Url cannot fill (isolation test)");
                }
            }
            else if (!Global.TryGetValue(key, out var covered))
            {
                missing.Add($"{key}: outside an organization and not in {nameof(EndpointCoverageTests)}.{nameof(Global)} (say who may call it and which test shows it)");
            }
            else if (!covered.Test.StartsWith("Jikimi.E2E", StringComparison.Ordinal))
            {
                var parts = covered.Test.Split('.');
                var type = tests.SingleOrDefault(t => t.Name == parts[0]);
                if (type is null || (parts.Length > 1 && type.GetMethod(parts[1]) is null))
                {
                    missing.Add($"{key}: the named test {covered.Test} does not exist");
                }
            }
        }

        // Rows for endpoints that no longer exist are stale: they would hide a renamed route.
        var keys = endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        missing.AddRange(Api.Keys.Where(k => !keys.Contains(k)).Select(k => $"{k}: row in {nameof(Api)} for no endpoint"));
        missing.AddRange(Pages.Keys.Where(k => !keys.Contains("PAGE " + k)).Select(k => $"{k}: row in {nameof(Pages)} for no page"));
        missing.AddRange(Global.Keys.Where(k => !keys.Contains(k)).Select(k => $"{k}: row in {nameof(Global)} for no endpoint"));
        Assert.True(endpoints.Count > 130, $"only {endpoints.Count} endpoints found");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_organization_endpoint_answers_each_role_as_the_matrix_says(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var risk = await Risk.RiskIds.CreateAsync(h.Client(w.Root), w.A.Org);
        var users = await RoleUsers.CreateAsync(h, w);
        var roles = users.Sessions;
        var root = h.Client(w.Root);

        // The auditor is assigned to A's audit (the one with the finding); the control owner owns the controls the
        // calls touch (1.1.1, and 2.2.4 where the evidence is linked). Refusals are then about the role alone.
        await HttpAssert.Json(await root.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/audits/{w.A.Audit}/auditors", new { userId = users.Ids[Role.Auditor] }), HttpStatusCode.OK);
        await AttachAssessmentAsync(root, w);
        foreach (var control in new[] { "1.1.1", "2.2.4" })
        {
            await HttpAssert.Json(await root.PutAsJsonAsync($"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}/controls/{control}", new { status = "in-progress", applicable = true, version = 0, ownerUserId = users.Ids[Role.ControlOwner] }), HttpStatusCode.OK);
        }

        // The control update keeps the owner (changing it is a manager's call); the link names A's assessment.
        string Fill(string key, string body) => (key.EndsWith("/controls/{controlId}", StringComparison.Ordinal)
                ? body.Replace("\"version\":0}", $"\"version\":0,\"ownerUserId\":\"{users.Ids[Role.ControlOwner]}\"}}", StringComparison.Ordinal)
                : body)
            .Replace("\"assessmentId\":\"00000000-0000-0000-0000-000000000000\"", $"\"assessmentId\":\"{w.A.Assessment}\"", StringComparison.Ordinal);

        var wrong = new List<string>();

        // Pages first (they only read), then the API: reads first and deletes last, so a permitted delete cannot turn
        // a later refusal into a 404. A page refuses with 403 or hides with 404.
        foreach (var (pattern, allowed) in Pages)
        {
            foreach (var role in All)
            {
                var c = h.Client();
                c.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={roles[role]}");
                var r = await c.GetAsync(UiSecurityTests.Url(pattern, w.A, risk));
                var ok = r.StatusCode == HttpStatusCode.OK;
                if (ok != allowed.Contains(role) || (!ok && r.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound)))
                {
                    wrong.Add($"PAGE {pattern} as {role.ToWire()}: {(int)r.StatusCode}, expected {(allowed.Contains(role) ? "200" : "403/404")}");
                }
            }
        }

        static int Order(string key) => key.Split(' ')[0] switch { "GET" => 0, "POST" => 1, "PUT" => 2, _ => 3 };
        foreach (var (key, allowed) in Api.OrderBy(kv => Order(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var method = key.Split(' ')[0];
            var pattern = key[(method.Length + 1)..];
            foreach (var role in All.OrderBy(r => allowed.Contains(r)))
            {
                var r = await h.Client(roles[role]).SendAsync(TenantIsolationTests.Request(method, pattern, TenantIsolationTests.Url(pattern, w.A.Org, w.A, risk), b => Fill(key, b)));
                var expected = allowed.Contains(role)
                    ? r.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                    : r.StatusCode == HttpStatusCode.Forbidden;
                if (!expected)
                {
                    wrong.Add($"{key} as {role.ToWire()}: {(int)r.StatusCode}, expected {(allowed.Contains(role) ? "allowed" : "403")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Attaches A's assessment to A's audit (the one with the finding), so its auditor may open that assessment.</summary>
    internal static async Task AttachAssessmentAsync(HttpClient root, World w)
    {
        var version = (await HttpAssert.Json(await root.GetAsync($"/api/v1/orgs/{w.A.Org}/audits/{w.A.Audit}"), HttpStatusCode.OK)).GetProperty("version").GetInt32();
        await HttpAssert.Json(await root.PutAsJsonAsync($"/api/v1/orgs/{w.A.Org}/audits/{w.A.Audit}", new { assessmentId = w.A.Assessment, version }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Endpoints_outside_an_organization_keep_to_their_caller()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var anonymous = h.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/ping")).StatusCode);
        foreach (var url in new[] { "/api/v1/orgs", "/api/v1/me", "/api/v1/auth/me" })
        {
            await HttpAssert.Problem(await anonymous.GetAsync(url), HttpStatusCode.Unauthorized, "auth.required");
        }

        // Alice sees her organization only, on the API and on the home page; she cannot create organizations.
        var alice = h.Client(w.Alice);
        var orgs = await HttpAssert.Json(await alice.GetAsync("/api/v1/orgs"), HttpStatusCode.OK);
        var listed = (orgs.ValueKind == System.Text.Json.JsonValueKind.Array ? orgs : orgs.GetProperty("items")).EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([w.A.Org], listed);
        await HttpAssert.Problem(await alice.PostAsJsonAsync("/api/v1/orgs", new { name = "다른 회사" }), HttpStatusCode.Forbidden, "access.system_administrator");
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={w.Alice}");
        var home = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("가 주식회사", home, StringComparison.Ordinal);
        Assert.DoesNotContain("나 주식회사", home, StringComparison.Ordinal);

        // The account endpoints answer about the caller and nobody else.
        var me = await HttpAssert.Json(await alice.GetAsync("/api/v1/auth/me"), HttpStatusCode.OK);
        Assert.Equal("앨리스", me.GetProperty("name").GetString());
        Assert.False(me.GetProperty("isSystemAdministrator").GetBoolean());
        var profile = (await HttpAssert.Json(await alice.GetAsync("/api/v1/me"), HttpStatusCode.OK)).ToString();
        Assert.Contains("alice@a.kr", profile, StringComparison.Ordinal);
        Assert.DoesNotContain("ciso@a.kr", profile, StringComparison.Ordinal);
        Assert.True((await alice.PutAsJsonAsync("/api/v1/me/preferences", new { language = "en" })).IsSuccessStatusCode);
        Assert.True((await alice.PostAsync("/api/v1/auth/logout", null)).IsSuccessStatusCode);
        await HttpAssert.Problem(await alice.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized, "auth.required");
        await HttpAssert.Json(await h.Client(w.Root).GetAsync("/api/v1/me"), HttpStatusCode.OK);
    }
}
