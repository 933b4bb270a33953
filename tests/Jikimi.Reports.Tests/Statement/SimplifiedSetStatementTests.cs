using System.Text;
using Jikimi.Application.Assessments;
using Jikimi.Application.Readiness;
using Jikimi.Catalog.Model;
using Jikimi.Reports.Statement;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Statement;

/// <summary>Issue 19: a small company runs a whole assessment on 별표 7의2 — results, readiness and the statement XLSX.</summary>
public class SimplifiedSetStatementTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Assessment_readiness_and_statement_work_on_annex_7_2(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var admin = await app.CreateUserAsync("small@a.kr", "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin);
        var a = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2026, "7-2", "isms-p", null, null), default)));
        Assert.Equal("simplified-7-2", a.Edition);
        Assert.Equal((62, 232), (a.Controls, a.CheckItems));

        // 7-2 2.3.1-3 is taken from 별표 7 2.4.2 (entry control): it is a check item of 7-2 2.3.1, not of 2.4.x.
        var item = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<RecordCheckItem>().Handle(org, a.Id, "2.3.1-3", new RecordCheckItemRequest("fulfilled", null, null, 0), default)));
        Assert.Equal("fulfilled", item.Result);
        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.3.1", default)));
        Assert.Equal(4, detail.CheckItems.Count);

        var r = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetReadiness>().Handle(org, a.Id, true, default)));
        Assert.Equal(new ResultCounts(1, 0, 0, 0, 231), r.Overall);
        Assert.Equal(62, r.Controls!.Count);
        Assert.Equal("물리 보안", r.Subdomains.Single(s => s.Id == "2.3").TitleKo);
        Assert.Equal(new ResultCounts(1, 0, 0, 0, 3), r.Controls!.Single(c => c.ControlId == "2.3.1").Counts);

        await UpdateStatementAsync(app, org, a.Id, "2.3.1", true, null, "출입통제시스템 운영", null, null);
        var file = Ok(await Use<ExportStatement, Jikimi.Domain.Common.Result<Common.ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.En, default)));
        var sheet = Encoding.UTF8.GetString(Parts(file.Content)["xl/worksheets/sheet1.xml"]);
        Assert.Contains("Designation of Protected Zones", sheet, StringComparison.Ordinal);
        Assert.Contains("출입통제시스템 운영", sheet, StringComparison.Ordinal);
        var report = Ok(await Use<ImportStatement, Jikimi.Domain.Common.Result<StatementImportReport>>(app, org, h => h.Handle(org, a.Id, file.OpenRead(), default)));
        Assert.Equal(62, report.Rows);
        Assert.Equal(0, report.Changed);
    }
}
