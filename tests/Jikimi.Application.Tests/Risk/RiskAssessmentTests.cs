using Jikimi.Application.Assets;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Flows;
using Jikimi.Application.Risk;
using Jikimi.Application.Risk.Pictures;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Risk;

public class RiskAssessmentTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<T> Use<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_unique_index_that_refuses_a_save_is_a_409_not_an_exception(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var admin = await app.CreateUserAsync("admin@a.kr", "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin);
        Ok(await Use(app, org, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(org, new CreateRiskAssessmentRequest(2026), default)));

        // What a request that lost the race does: its check saw no 2026 assessment, then the insert meets the index.
        var raced = await Use(app, org, async sp =>
        {
            var db = sp.GetRequiredService<Jikimi.Application.Data.JikimiDb>();
            var audit = sp.GetRequiredService<AuditWriter>();
            var again = RiskAssessment.Create(org.OrganizationId, 2026, RiskMethod.Default, null, DateTime.UtcNow).Value!;
            db.Add(again);
            audit.Record(org, AuditActions.RiskAssessmentCreated, "risk_assessment", again.Id, new { again.Year });
            return await audit.SaveAsync(default, "risk assessment");
        });
        var duplicate = Fails<DuplicateRecord>(raced);
        Assert.Equal(("conflict.duplicate", "risk assessment"), (duplicate.Code, duplicate.Entity));

        // Requests at once for a new year: one assessment, every other answer a conflict, no exception.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Use(app, org, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(org, new CreateRiskAssessmentRequest(2027), default))));
        Assert.Single(results, r => r.Error is null);
        Assert.All(results.Where(r => r.Error is not null), r => Assert.IsAssignableFrom<ConflictError>(r.Error));
        var years = await Use(app, org, sp => sp.GetRequiredService<ListRiskAssessments>().Handle(org, default));
        Assert.Equal([2026, 2027], years.Select(y => y.Year).Order());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Assess_flag_above_doa_approve_treat_accept_and_the_pictures_follow(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var manager = await app.AddMemberAsync(org, await app.CreateUserAsync("cm@a.kr", "담당자"), Role.ComplianceManager);
        await Record(app, org, a.Id, "2.5.3-1", "not-fulfilled");
        await Record(app, org, a.Id, "2.9.4-1", "partial");
        await Record(app, org, a.Id, "1.1.1-1", "fulfilled");

        var db = Ok(await Use(app, org, sp => sp.GetRequiredService<CreateAsset>().Handle(org, new AssetRequest("DB-1", "고객 DB", "database", "cm@a.kr", null, "IDC", true, 3, 3, 2, true, true), default)));
        var pc = Ok(await Use(app, org, sp => sp.GetRequiredService<CreateAsset>().Handle(org, new AssetRequest("PC-1", "업무 PC", "terminal", null, null, null, true, 1, 2, 1, false, false), default)));
        Assert.Equal((8, 3, 4, 1), (db.ImportanceScore, db.Grade, pc.ImportanceScore, pc.Grade));

        var ra = Ok(await Use(app, manager, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(manager, new CreateRiskAssessmentRequest(2026), default)));
        Assert.Equal(("sum", 27, (int?)null), (ra.Method.Importance, ra.Method.MaxScore, ra.AcceptableLevel));
        Fails<RiskAssessmentView, RiskAssessmentExists>(await Use(app, manager, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(manager, new CreateRiskAssessmentRequest(2026), default)));
        var threats = await Use(app, org, sp => sp.GetRequiredService<ListThreats>().Handle(org, default));
        Assert.Equal(ThreatCatalog.All.Count, threats.Count);
        Assert.All(threats, t => Assert.True(t.FromCatalog && t.NameKo.Length > 0 && t.NameEn.Length > 0));
        var takeover = threats.Single(t => t.Code == "T02");

        // Vulnerabilities from unfulfilled check items, in catalog order.
        var candidates = Ok(await Use(app, org, sp => sp.GetRequiredService<ListVulnerabilityCandidates>().Handle(org, a.Id, default)));
        Assert.Equal(["2.5.3-1", "2.9.4-1"], candidates.Select(c => c.CheckItemId));
        Assert.Equal(("not-fulfilled", "2.5.3"), (candidates[0].Result, candidates[0].ControlId));

        var fromItem = Ok(await Use(app, manager, sp => sp.GetRequiredService<AddRisk>().Handle(manager, ra.Id, new AddRiskRequest(db.Id, takeover.Id, 3, 3, null, a.Id, "2.5.3-1"), default)));
        Assert.Equal((27, 3, "2.5.3", candidates[0].TextKo), (fromItem.Score, fromItem.Likelihood, fromItem.ControlId, fromItem.Vulnerability));
        Fails<RiskView, CheckItemFulfilled>(await Use(app, manager, sp => sp.GetRequiredService<AddRisk>().Handle(manager, ra.Id, new AddRiskRequest(db.Id, takeover.Id, 1, 1, null, a.Id, "1.1.1-1"), default)));
        var manual = Ok(await Use(app, manager, sp => sp.GetRequiredService<AddRisk>().Handle(manager, ra.Id, new AddRiskRequest(pc.Id, threats.Single(t => t.Code == "T18").Id, 2, 2, "노트북 암호화 안 됨", ControlId: "2.10.6"), default)));
        Assert.Equal((4, 2, false), (manual.Score, manual.Likelihood, manual.AboveDoa));

        // DoA: set by the manager, approved only by an executive (administrator).
        var set = Ok(await Use(app, manager, sp => sp.GetRequiredService<SetAcceptableLevel>().Handle(manager, ra.Id, new SetAcceptableLevelRequest(9, ra.Version), default)));
        Assert.Equal((9, false, 1), (set.AcceptableLevel, set.DoaApproved, set.AboveDoa));
        Fails<RiskAssessmentView, Forbidden>(await Use(app, manager, sp => sp.GetRequiredService<ApproveAcceptableLevel>().Handle(manager, ra.Id, default)));
        var approved = Ok(await Use(app, org, sp => sp.GetRequiredService<ApproveAcceptableLevel>().Handle(org, ra.Id, default)));
        Assert.Equal((true, "관리자", app.Clock.GetUtcNow().UtcDateTime), (approved.DoaApproved, approved.DoaApprovedBy, approved.DoaApprovedAt!.Value));

        var above = Ok(await Use(app, org, sp => sp.GetRequiredService<ListRisks>().Handle(org, ra.Id, new RiskFilter(AboveDoa: true), default)));
        Assert.Equal([fromItem.Id], above.Items.Select(r => r.Id));
        Assert.True(above.Items[0].AboveDoa);

        var before = Ok(await Use(app, org, sp => sp.GetRequiredService<GetHeatMap>().Handle(org, ra.Id, default)));
        Assert.Equal((3, 3, 9), (before.Likelihoods, before.Impacts, before.Cells.Count));
        Assert.Equal((1, 0, 1), Cell(before, 3, 3));

        // Treatment: accept, with a due date; the acceptance itself needs the executive.
        var plan = new PlanTreatmentRequest("accept", "MFA 도입 전까지 수용", "cm@a.kr", new DateOnly(2026, 12, 31), ["2.5.3"], null, false, fromItem.Version);
        var planned = Ok(await Use(app, manager, sp => sp.GetRequiredService<PlanTreatment>().Handle(manager, ra.Id, fromItem.Id, plan, default)));
        Assert.Equal(("planned", "담당자", "2.5.3"), (planned.Status, planned.OwnerName, string.Join(',', planned.LinkedControls)));
        Fails<RiskView, Invalid>(await Use(app, manager, sp => sp.GetRequiredService<PlanTreatment>().Handle(manager, ra.Id, fromItem.Id, plan with { LinkedControls = ["9.9.9"], Version = planned.Version }, default)));
        Fails<RiskView, UnknownOwner>(await Use(app, manager, sp => sp.GetRequiredService<PlanTreatment>().Handle(manager, ra.Id, fromItem.Id, plan with { Owner = "x@y.kr", Version = planned.Version }, default)));
        Fails<RiskView, ConcurrentEdit>(await Use(app, manager, sp => sp.GetRequiredService<PlanTreatment>().Handle(manager, ra.Id, fromItem.Id, plan with { Version = planned.Version - 1 }, default)));

        var due = await Use(app, org, sp => sp.GetRequiredService<ListTreatmentDueItems>().Handle(org, null, false, default));
        var item = Assert.Single(due);
        Assert.Equal((fromItem.Id, "DB-1", "담당자", new DateOnly(2026, 12, 31), false), (item.RiskId, item.AssetCode, item.OwnerName, item.DueDate, item.Overdue));
        app.Clock.Advance(TimeSpan.FromDays(40));
        Assert.True(Assert.Single(await Use(app, org, sp => sp.GetRequiredService<ListTreatmentDueItems>().Handle(org, null, true, default))).Overdue);

        Fails<RiskView, Forbidden>(await Use(app, manager, sp => sp.GetRequiredService<AcceptRisk>().Handle(manager, ra.Id, fromItem.Id, default)));
        var accepted = Ok(await Use(app, org, sp => sp.GetRequiredService<AcceptRisk>().Handle(org, ra.Id, fromItem.Id, default)));
        Assert.Equal(("accepted", "관리자", app.Clock.GetUtcNow().UtcDateTime), (accepted.Status, accepted.AcceptedBy, accepted.AcceptedAt!.Value));
        Assert.Empty(await Use(app, org, sp => sp.GetRequiredService<ListTreatmentDueItems>().Handle(org, null, false, default)));

        Fails<AcceptedRiskStays>(await Use(app, manager, sp => sp.GetRequiredService<RemoveRisk>().Handle(manager, ra.Id, fromItem.Id, default)));
        var after = Ok(await Use(app, org, sp => sp.GetRequiredService<GetHeatMap>().Handle(org, ra.Id, default)));
        Assert.Equal((0, 1, 1), Cell(after, 3, 3));
        var svg = HeatMapSvg.Render(after, Language.Ko);
        Assert.Contains("data-likelihood=\"3\" data-impact=\"3\" data-open=\"0\" data-accepted=\"1\"", svg, StringComparison.Ordinal);
        Assert.NotEqual(HeatMapSvg.Render(before, Language.Ko), svg);

        var domains = Ok(await Use(app, org, sp => sp.GetRequiredService<GetRisksByDomain>().Handle(org, ra.Id, default)));
        Assert.Equal([("2.5", 1, 1), ("2.10", 1, 0)], domains.Domains.Select(d => (d.Subdomain, d.Total, d.AboveDoa)));
        Assert.Contains("인증 및 권한관리", RisksByDomainSvg.Render(domains, Language.Ko), StringComparison.Ordinal);
        Ok(await Use(app, manager, sp => sp.GetRequiredService<RemoveRisk>().Handle(manager, ra.Id, manual.Id, default)));
        Assert.Equal([fromItem.Id], Ok(await Use(app, org, sp => sp.GetRequiredService<ListRisks>().Handle(org, ra.Id, new RiskFilter(), default))).Items.Select(r => r.Id));

        // The audit trail has the approvals with who.
        var events = await Use(app, org, sp => sp.GetRequiredService<ListAuditEvents>().Handle(org, new AuditQuery(Take: 200), default));
        Assert.Contains(events.Items, e => e.Action == AuditActions.AcceptableLevelApproved && e.Actor == "관리자");
        Assert.Contains(events.Items, e => e.Action == AuditActions.RiskAccepted && e.Actor == "관리자");
    }

    private static (int Open, int Accepted, int AboveDoa) Cell(HeatMapView map, int likelihood, int impact)
    {
        var c = map.Cells.Single(c => c.Likelihood == likelihood && c.Impact == impact);
        return (c.Open, c.Accepted, c.AboveDoa);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Each_year_keeps_its_own_method_so_past_numbers_stay_explainable(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, _) = await OrgWithAssessmentAsync(app);
        Ok(await Use(app, org, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(org, new CreateRiskAssessmentRequest(2025, AcceptableLevel: 12), default)));
        Fails<RiskAssessmentView, Invalid>(await Use(app, org, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(org, new CreateRiskAssessmentRequest(2026, "max", 5, [9], 5, 5), default)));
        Ok(await Use(app, org, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(org, new CreateRiskAssessmentRequest(2026, "max", 5, [3, 5], 5, 5, 30), default)));
        var list = await Use(app, org, sp => sp.GetRequiredService<ListRiskAssessments>().Handle(org, default));
        Assert.Equal([2026, 2025], list.Select(r => r.Year));
        Assert.Equal(("max", 5, 75, 30), (list[0].Method.Importance, list[0].Method.CiaScale, list[0].Method.MaxScore, list[0].AcceptableLevel!.Value));
        Assert.Equal(("sum", 3, "6,8", 12), (list[1].Method.Importance, list[1].Method.CiaScale, string.Join(',', list[1].Method.GradeThresholds), list[1].AcceptableLevel!.Value));

        // Assets are rated on the scale in force (the newest year's: 1–5).
        var asset = Ok(await Use(app, org, sp => sp.GetRequiredService<CreateAsset>().Handle(org, new AssetRequest("S-1", "서버", "server", null, null, null, true, 5, 1, 1, false, false), default)));
        Assert.Equal((5, 3), (asset.ImportanceScore, asset.Grade));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task The_lifecycle_table_groups_by_service_in_stage_order_and_draws_escaped(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, _) = await OrgWithAssessmentAsync(app);
        async Task<FlowRowView> Add(string service, string stage, string items, string? recipients = null) =>
            Ok(await Use(app, org, sp => sp.GetRequiredService<AddFlow>().Handle(org, new FlowRequest(service, stage, items, "개인정보 보호법 제15조", "쇼핑몰 DB", recipients), default)));
        await Add("쇼핑몰", "destruction", "탈퇴 후 5일 내 파기");
        await Add("쇼핑몰", "collection", "이름, 휴대전화 <script>");
        await Add("쇼핑몰", "provision-entrustment", "배송 정보", "○○택배");
        await Add("채용", "collection", "이력서");
        Fails<FlowRowView, Invalid>(await Use(app, org, sp => sp.GetRequiredService<AddFlow>().Handle(org, new FlowRequest("x", "storage", "y", null, null, null), default)));

        var table = await Use(app, org, sp => sp.GetRequiredService<GetFlowTable>().Handle(org, null, default));
        Assert.Equal(["쇼핑몰", "채용"], table.Select(s => s.Service));
        Assert.Equal(["collection", "provision-entrustment", "destruction"], table[0].Rows.Select(r => r.Stage));
        var svg = FlowDiagramSvg.Render(table[0], Language.Ko);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("○○택배", svg, StringComparison.Ordinal);
        System.Xml.Linq.XDocument.Parse(svg); // well-formed
    }
}
