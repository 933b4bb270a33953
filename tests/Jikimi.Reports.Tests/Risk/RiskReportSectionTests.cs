using Jikimi.Application.Assets;
using Jikimi.Application.Risk;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Jikimi.Reports.Readiness;
using Jikimi.Reports.Risk;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Risk;

/// <summary>The readiness report carries the risk summary once a risk assessment exists (ISMS-P 1.2.3–1.2.4).</summary>
public class RiskReportSectionTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static BuildReadinessReport Report(IServiceProvider sp) =>
        new(sp.GetRequiredService<Application.Data.JikimiDb>(), sp.GetRequiredService<Application.Readiness.GetReadiness>(), sp.GetRequiredService<TimeProvider>(),
            [ActivatorUtilities.CreateInstance<RiskReportSection>(sp)]);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task No_risk_assessment_no_section_then_risks_above_the_acceptable_level_are_listed_in_the_pdf(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var before = Ok(await app.Run(org.OrganizationId, sp => Report(sp).BuildAsync(org, a.Id, Language.Ko, default)));
        Assert.DoesNotContain(before.Sections, s => s.Key == "risks");

        var ra = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateRiskAssessment>().Handle(org, new CreateRiskAssessmentRequest(2026, AcceptableLevel: 8), default)));
        var asset = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAsset>().Handle(org, new AssetRequest("DB-01", "회원 데이터베이스", "database", null, null, "IDC", true, 3, 3, 3, true, true), default)));
        var threat = (await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListThreats>().Handle(org, default))).First();
        var high = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<AddRisk>().Handle(org, ra.Id, new AddRiskRequest(asset.Id, threat.Id, 3, 3, "관리자 계정 공유"), default)));
        Assert.True(high.AboveDoa);

        var file = Ok(await app.Run(org.OrganizationId, sp => Report(sp).Handle(org, a.Id, Language.Ko, ReportFormat.Pdf, default)));
        var text = PdfText.Extract(file.Content);
        foreach (var expected in new[] { "위험 요약", "DB-01", "27", "미처리", "DoA 초과 1건", "수용 가능 위험 수준(DoA) 8", "영향 3: 0 0 1" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' missing:\n{text}");
        }
    }
}
