using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.Time.Testing;

namespace Jikimi.Web.Tests.Audits;

/// <summary>
/// The whole certification cycle through the HTTP API, with a fake clock: apply → audit → findings → corrections →
/// committee → certificate → surveillance (twice) → renewal → suspension; and the auditor's access, scoped to one audit.
/// </summary>
public class CertificationCycleTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private sealed class Cycle(WebHarness h, FakeTimeProvider clock, Guid org)
    {
        public string Url(string path) => $"/api/v1/orgs/{org}{path}";

        public async Task<HttpClient> AsAsync(string email, string password = "Strong-pass-2026") => h.Client(await h.LoginAsync(email, password));

        public void Go(string day) => clock.SetUtcNow(DateTimeOffset.Parse(day + "T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<JsonElement> Post(HttpClient c, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await HttpAssert.Json(await c.PostAsJsonAsync(url, body), expected);

    private static async Task<JsonElement> Get(HttpClient c, string url) => await HttpAssert.Json(await c.GetAsync(url), HttpStatusCode.OK);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Apply_audit_correct_decide_certify_surveil_renew(string provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var h = await WebHarness.StartAsync(provider, clock: clock);
        var root = h.Client(await h.AdminAsync());
        var org = (await Post(root, "/api/v1/orgs", new { name = "지킴이 주식회사" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var cy = new Cycle(h, clock, org);
        await HttpAssert.Json(await root.PutAsJsonAsync(cy.Url("/scope"), new { certification = "isms-p", edition = "2023", description = "온라인 쇼핑몰 서비스", version = 0 }), HttpStatusCode.OK);
        await Post(root, cy.Url("/scope/items"), new { kind = "other-certification", name = "ISO/IEC 27001:2022" }, HttpStatusCode.Created);
        var assessment = (await Post(root, cy.Url("/assessments"), new { year = 2026, edition = "2023" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // The application: statement from the scope, ISO 27001 noted, operating period checked (2 months).
        var statement = await Get(root, cy.Url("/certification/application?operatingSince=2025-12-01"));
        Assert.True(statement.GetProperty("iso27001Held").GetBoolean());
        Assert.False(statement.GetProperty("operatingPeriodMet").GetBoolean());
        Assert.Equal("2026-02-01", statement.GetProperty("earliestApplication").GetString());
        await HttpAssert.Problem(await root.PostAsJsonAsync(cy.Url("/audits"), new { kind = "initial", operatingSince = "2025-12-01" }), HttpStatusCode.UnprocessableEntity, "audit.operating_period_too_short");
        var initial = await Post(root, cy.Url("/audits"), new { kind = "initial", assessmentId = assessment, operatingSince = "2025-10-01", body = "KISA", team = "선임심사원 홍길동", periodStart = "2026-01-05", periodEnd = "2026-01-09", samplingNotes = "서버 10대 중 3대 표본" }, HttpStatusCode.Created);
        var a1 = initial.GetProperty("id").GetGuid();
        Assert.Equal("ISO/IEC 27001:2022", initial.GetProperty("otherCertifications").GetString());
        var a2 = (await Post(root, cy.Url("/audits"), new { kind = "initial", operatingSince = "2025-10-01", body = "다른 심사" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // An auditor, scoped to the first audit.
        var invite = await Post(root, cy.Url("/members"), new { email = "auditor@kisa.kr", displayName = "심사원", role = "auditor" }, HttpStatusCode.Created);
        await Post(h.Client(), "/api/v1/invitations/accept", new { token = invite.GetProperty("invitationToken").GetString(), password = "Audit-only-2026" });
        var auditorId = invite.GetProperty("member").GetProperty("userId").GetGuid();
        await Post(root, cy.Url($"/audits/{a1}/auditors"), new { userId = auditorId });
        var auditor = await cy.AsAsync("auditor@kisa.kr", "Audit-only-2026");

        var f1 = await Post(auditor, cy.Url($"/audits/{a1}/findings"), new { controlId = "2.5.4", checkItemId = "2.5.4-1", description = "비밀번호 작성규칙 미적용 서버 존재", evidenceRefs = "서버 설정 캡처", severity = "high" }, HttpStatusCode.Created);
        var f1Id = f1.GetProperty("id").GetGuid();
        Assert.Equal("2026-02-14", f1.GetProperty("dueOn").GetString()); // 40 days from the notice
        var f2Id = (await Post(root, cy.Url($"/audits/{a2}/findings"), new { controlId = "2.9.4", description = "로그 보관기간 미준수" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        Assert.Equal(1, (await Get(auditor, cy.Url("/audits"))).GetArrayLength());
        Assert.Equal(1, (await Get(auditor, cy.Url("/findings"))).GetArrayLength());
        await HttpAssert.Problem(await auditor.GetAsync(cy.Url($"/audits/{a2}")), HttpStatusCode.NotFound, "audit.not_found");
        await HttpAssert.Problem(await auditor.GetAsync(cy.Url($"/audits/{a2}/findings")), HttpStatusCode.NotFound, "audit.not_found");
        await HttpAssert.Problem(await auditor.GetAsync(cy.Url($"/findings/{f2Id}")), HttpStatusCode.NotFound, "finding.not_found");
        await HttpAssert.Problem(await auditor.PostAsJsonAsync(cy.Url($"/audits/{a2}/findings"), new { controlId = "1.1.1", description = "x" }), HttpStatusCode.NotFound, "audit.not_found");
        await HttpAssert.Problem(await auditor.PutAsJsonAsync(cy.Url($"/assessments/{assessment}/check-items/2.5.4-1"), new { result = "not-fulfilled", version = 0 }), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await auditor.PutAsJsonAsync(cy.Url($"/assessments/{assessment}/controls/2.5.4"), new { status = "done", applicable = true, version = 0 }), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await auditor.PostAsJsonAsync(cy.Url($"/findings/{f1Id}/plan"), new { rootCause = "x", action = "y", owner = "z", dueOn = "2026-02-01" }), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await auditor.GetAsync(cy.Url("/certificates")), HttpStatusCode.Forbidden, "access.forbidden");
        Assert.Equal(200, (int)(await auditor.GetAsync(cy.Url($"/assessments/{assessment}/controls/2.5.4"))).StatusCode); // reads the workspace
        Assert.Equal(1, (await Get(auditor, cy.Url("/audit-events?entityType=finding"))).GetProperty("total").GetInt32()); // their audit's finding, not the other audit's
        Assert.Equal(0, (await Get(auditor, cy.Url("/audit-events?entityType=assessment"))).GetProperty("total").GetInt32()); // nothing beyond their audit
        Assert.Equal(2, (await Get(root, cy.Url("/audit-events?entityType=finding"))).GetProperty("total").GetInt32());

        // Corrective action: plan → fixed → sent back (re-correction: +60 days) → plan → fixed → closed.
        await HttpAssert.Problem(await root.PostAsJsonAsync(cy.Url($"/findings/{f1Id}/plan"), new { rootCause = "정책 미반영", action = "설정 일괄 적용", owner = "인프라팀", dueOn = "2026-03-01" }), HttpStatusCode.UnprocessableEntity, "validation.dueOn");
        await Post(root, cy.Url($"/findings/{f1Id}/plan"), new { rootCause = "정책 미반영", action = "설정 일괄 적용", owner = "인프라팀", dueOn = "2026-02-10" });
        await HttpAssert.Problem(await auditor.PostAsJsonAsync(cy.Url($"/findings/{f1Id}/verify"), new { accepted = true }), HttpStatusCode.Conflict, "finding.wrong_state");
        await Post(root, cy.Url($"/findings/{f1Id}/fix"), new { evidence = "설정 변경 결과서 v1" });
        var sentBack = await Post(auditor, cy.Url($"/findings/{f1Id}/verify"), new { accepted = false, note = "일부 서버 누락" });
        Assert.Equal("recorrection", sentBack.GetProperty("status").GetString());
        Assert.Equal("2026-04-15", sentBack.GetProperty("currentDueOn").GetString());

        cy.Go("2026-02-20");
        root = await cy.AsAsync("ciso@a.kr");
        auditor = await cy.AsAsync("auditor@kisa.kr", "Audit-only-2026");
        var overdue = await Get(root, cy.Url("/findings?overdue=true"));
        Assert.Equal([f2Id], overdue.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()));
        await Post(root, cy.Url($"/findings/{f1Id}/plan"), new { rootCause = "정책 미반영", action = "누락 서버 적용", owner = "인프라팀", dueOn = "2026-03-01" });
        await Post(root, cy.Url($"/findings/{f1Id}/fix"), new { evidence = "설정 변경 결과서 v2" });
        Assert.Equal("closed", (await Post(auditor, cy.Url($"/findings/{f1Id}/verify"), new { accepted = true })).GetProperty("status").GetString());

        // Committee → certificate, and the first surveillance scheduled within a year.
        await HttpAssert.Problem(await root.PostAsJsonAsync(cy.Url($"/audits/{a2}/decision"), new { decision = "approve", certificateNumber = "X" }), HttpStatusCode.UnprocessableEntity, "audit.findings_open");
        await HttpAssert.Problem(await auditor.PostAsJsonAsync(cy.Url($"/audits/{a1}/decision"), new { decision = "approve", certificateNumber = "X" }), HttpStatusCode.Forbidden, "access.forbidden");
        var decided = await Post(root, cy.Url($"/audits/{a1}/decision"), new { decision = "approve", certificateNumber = "ISMS-P-KISA-2026-001" });
        var cert = decided.GetProperty("certificate");
        var certId = cert.GetProperty("id").GetGuid();
        Assert.Equal("2026-02-20", cert.GetProperty("issuedOn").GetString());
        Assert.Equal("2029-02-19", cert.GetProperty("expiresOn").GetString());
        Assert.Equal("isms-p", cert.GetProperty("certification").GetString());
        var s1 = decided.GetProperty("nextAudit");
        Assert.Equal("surveillance", s1.GetProperty("kind").GetString());
        Assert.Equal("2027-02-20", s1.GetProperty("dueBy").GetString());
        Assert.Equal("KISA", s1.GetProperty("body").GetString()); // seeded from the previous audit
        await HttpAssert.Problem(await root.PostAsJsonAsync(cy.Url($"/audits/{a1}/findings"), new { controlId = "1.1.1", description = "늦은 결함" }), HttpStatusCode.Conflict, "audit.decided");

        // Surveillance 1 (held 2027-01) → surveillance 2 due within a year of it.
        cy.Go("2027-01-10");
        root = await cy.AsAsync("ciso@a.kr");
        var s1Id = s1.GetProperty("id").GetGuid();
        await HttpAssert.Json(await root.PutAsJsonAsync(cy.Url($"/audits/{s1Id}"), new { body = "KISA", periodStart = "2027-01-10", periodEnd = "2027-01-12", status = "in-progress", version = s1.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var s2 = (await Post(root, cy.Url($"/audits/{s1Id}/decision"), new { decision = "approve" })).GetProperty("nextAudit");
        Assert.Equal("surveillance", s2.GetProperty("kind").GetString());
        Assert.Equal("2028-01-12", s2.GetProperty("dueBy").GetString());

        // Surveillance 2 → the renewal audit comes next: applied for 3 months before expiry (2028-11-19), held by the expiry date.
        cy.Go("2028-01-05");
        root = await cy.AsAsync("ciso@a.kr");
        var s2Id = s2.GetProperty("id").GetGuid();
        await HttpAssert.Json(await root.PutAsJsonAsync(cy.Url($"/audits/{s2Id}"), new { body = "KISA", periodStart = "2028-01-05", periodEnd = "2028-01-07", status = "in-progress", version = s2.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var renewal = (await Post(root, cy.Url($"/audits/{s2Id}/decision"), new { decision = "approve" })).GetProperty("nextAudit");
        Assert.Equal("renewal", renewal.GetProperty("kind").GetString());
        Assert.Equal("2029-02-19", renewal.GetProperty("dueBy").GetString());

        // Renewal → a new certificate continuing the old one.
        cy.Go("2028-11-01");
        root = await cy.AsAsync("ciso@a.kr");
        var rId = renewal.GetProperty("id").GetGuid();
        await HttpAssert.Json(await root.PutAsJsonAsync(cy.Url($"/audits/{rId}"), new { body = "KISA", periodStart = "2028-11-01", periodEnd = "2028-11-03", status = "in-progress", version = renewal.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        var renewed = await Post(root, cy.Url($"/audits/{rId}/decision"), new { decision = "approve", certificateNumber = "ISMS-P-KISA-2029-001" });
        var cert2 = renewed.GetProperty("certificate");
        var cert2Id = cert2.GetProperty("id").GetGuid();
        Assert.Equal("2029-02-20", cert2.GetProperty("issuedOn").GetString());
        Assert.Equal("2032-02-19", cert2.GetProperty("expiresOn").GetString());
        Assert.Equal(certId, cert2.GetProperty("previousId").GetGuid());
        Assert.Equal("2030-02-20", renewed.GetProperty("nextAudit").GetProperty("dueBy").GetString());

        // Suspension and reinstatement with grounds; revocation is final.
        await HttpAssert.Problem(await root.PostAsJsonAsync(cy.Url($"/certificates/{cert2Id}/suspend"), new { reason = "" }), HttpStatusCode.UnprocessableEntity, "validation.reason");
        Assert.Equal("suspended", (await Post(root, cy.Url($"/certificates/{cert2Id}/suspend"), new { reason = "사후심사 거부" })).GetProperty("status").GetString());
        Assert.Equal("active", (await Post(root, cy.Url($"/certificates/{cert2Id}/reinstate"), new { reason = "사후심사 수검" })).GetProperty("status").GetString());
        Assert.Equal("revoked", (await Post(root, cy.Url($"/certificates/{certId}/revoke"), new { reason = "갱신 인증서로 대체" })).GetProperty("status").GetString());
        await HttpAssert.Problem(await root.PostAsJsonAsync(cy.Url($"/certificates/{certId}/reinstate"), new { reason = "x" }), HttpStatusCode.Conflict, "certificate.wrong_state");

        // Full history and the timeline picture.
        var detail = await Get(root, cy.Url($"/certificates/{certId}"));
        Assert.Equal(4, detail.GetProperty("audits").GetArrayLength()); // initial, two surveillance, renewal
        var actions = detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        foreach (var expected in new[] { "audit.created", "finding.recorded", "finding.sent_back", "finding.closed", "audit.decided", "certificate.issued", "audit.scheduled", "certificate.revoked" })
        {
            Assert.Contains(expected, actions);
        }

        var svg = await root.GetAsync(cy.Url($"/certificates/{certId}/timeline.svg"));
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var text = await svg.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg", text, StringComparison.Ordinal);
        Assert.Contains("ISMS-P-KISA-2026-001", text, StringComparison.Ordinal);
        Assert.Contains("surveillance", text, StringComparison.Ordinal);
        Assert.Equal(2, (await Get(root, cy.Url("/certificates"))).GetArrayLength());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Obligation_check_answers_signed_in_users_only(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var c = h.Client(await h.AdminAsync());
        var r = await Post(c, "/api/v1/obligation/check", new { asOf = "2026-03-01", ictServiceRevenueKrw = 10_000_000_000L, enterpriseSize = "medium" });
        Assert.True(r.GetProperty("obliged").GetBoolean());
        Assert.Equal("ICT_REVENUE", r.GetProperty("grounds")[0].GetProperty("code").GetString());
        Assert.Equal("7-2", r.GetProperty("simplifiedSet").GetString());
        Assert.Equal(30_000_000, r.GetProperty("maxFineKrw").GetInt64());
        Assert.Equal("2026-08-31", r.GetProperty("deadline").GetString());
        await HttpAssert.Problem(await c.PostAsJsonAsync("/api/v1/obligation/check", new { asOf = "2010-01-01" }), HttpStatusCode.UnprocessableEntity, "obligation.no_rules");
        await HttpAssert.Problem(await h.Client().PostAsJsonAsync("/api/v1/obligation/check", new { }), HttpStatusCode.Unauthorized, "auth.required");
    }
}
