using System.Net;
using System.Net.Http.Json;

namespace Jikimi.Web.Tests.Risk;

/// <summary>One organization's risk things (an asset, a threat, a yearly risk assessment, a risk, a flow row), for calling every endpoint.</summary>
public sealed record RiskIds(Guid Asset, Guid Threat, Guid RiskAssessment, Guid Risk, Guid Flow, Guid Policy = default, Guid SubjectRequest = default, Guid Meeting = default, Guid MeetingAction = default, Guid ProcessingSystem = default)
{
    public static async Task<RiskIds> CreateAsync(HttpClient c, Guid org)
    {
        var asset = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/assets", new { assetId = "DB-1", name = "고객 DB", type = "database", confidentiality = 3, integrity = 3, availability = 2, personalInfo = true }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var ra = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/risk/assessments", new { year = 2026 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var threat = (await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{org}/risk/threats"), HttpStatusCode.OK))[0].GetProperty("id").GetGuid();
        var risk = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/risk/assessments/{ra}/risks", new { assetId = asset, threatId = threat, threatLevel = 3, vulnerabilityLevel = 2, vulnerability = "MFA 없음" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var flow = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/pi-flows", new { service = "쇼핑몰", stage = "collection", items = "이름, 연락처" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Issue 20's records ride along so the role and isolation tests reach their endpoints with real ids.
        var policy = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/policies", new { code = "POL-01", title = "정보보호 정책", controls = new[] { "1.1.5" } }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var request = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/subject-requests", new { kind = "access" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var meeting = await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/meetings", new { kind = "committee", title = "정기 위원회", heldOn = "2026-01-15", agenda = "연간 계획", attendees = "대표이사, CISO", actions = new[] { new { description = "계획 승인", owner = "CISO", dueOn = "2026-02-15" } } }), HttpStatusCode.Created);
        var system = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{org}/processing-systems", new { name = "고객관리시스템", dataSubjects = 60000 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        return new RiskIds(asset, threat, ra, risk, flow, policy, request, meeting.GetProperty("id").GetGuid(), meeting.GetProperty("actions")[0].GetProperty("id").GetGuid(), system);
    }

    public string Fill(string url) => url
        .Replace("{assetId:guid}", Asset.ToString(), StringComparison.Ordinal)
        .Replace("{threatId:guid}", Threat.ToString(), StringComparison.Ordinal)
        .Replace("{riskAssessmentId:guid}", RiskAssessment.ToString(), StringComparison.Ordinal)
        .Replace("{riskId:guid}", Risk.ToString(), StringComparison.Ordinal)
        .Replace("{flowId:guid}", Flow.ToString(), StringComparison.Ordinal)
        .Replace("{policyId:guid}", Policy.ToString(), StringComparison.Ordinal)
        .Replace("{requestId:guid}", SubjectRequest.ToString(), StringComparison.Ordinal)
        .Replace("{meetingId:guid}", Meeting.ToString(), StringComparison.Ordinal)
        .Replace("{actionId:guid}", MeetingAction.ToString(), StringComparison.Ordinal)
        .Replace("{systemId:guid}", ProcessingSystem.ToString(), StringComparison.Ordinal);
}
