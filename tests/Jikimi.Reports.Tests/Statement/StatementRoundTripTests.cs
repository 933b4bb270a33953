using System.Text;
using Jikimi.Application.Assessments;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Reports.Statement;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Statement;

public class StatementRoundTripTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Sheet = "xl/worksheets/sheet1.xml";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Export_import_export_gives_identical_parts_and_changes_nothing(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await UpdateStatementAsync(app, org, a.Id, "1.1.1", true, null, "정보보호위원회를 연 2회 개최\n- 회의록 보관", "=HYPERLINK(\"http://evil\")", "@SUM(A1)");
        await UpdateStatementAsync(app, org, a.Id, "3.2.1", false, "개인정보를 수집하지 않음", null, null, null);
        await UpdateStatementAsync(app, org, a.Id, "2.5.4", true, null, "'=이미 따옴표", "+82 번호", "-항목");

        var first = Ok(await Use<ExportStatement, Jikimi.Domain.Common.Result<Common.ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.Ko, default)));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", first.ContentType);
        Assert.EndsWith(".xlsx", first.FileName, StringComparison.Ordinal);
        var report = Ok(await Use<ImportStatement, Jikimi.Domain.Common.Result<StatementImportReport>>(app, org, h => h.Handle(org, a.Id, first.OpenRead(), default)));
        Assert.Equal(a.Controls, report.Rows);
        Assert.Equal(0, report.Changed);
        var second = Ok(await Use<ExportStatement, Jikimi.Domain.Common.Result<Common.ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.Ko, default)));

        // Identical in every part (the zip container's entry timestamps are the only bytes that may differ).
        var p1 = Parts(first.Content);
        var p2 = Parts(second.Content);
        Assert.Equal(p1.Keys, p2.Keys);
        foreach (var name in p1.Keys)
        {
            Assert.True(p1[name].AsSpan().SequenceEqual(p2[name]), $"part {name} differs");
        }

        // Formula-like text is neutralised in the file, and restored exactly on import.
        var sheet = Encoding.UTF8.GetString(p1[Sheet]);
        Assert.Contains("'=HYPERLINK", sheet, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", sheet, StringComparison.Ordinal);
        Assert.Contains("''=이미 따옴표", sheet, StringComparison.Ordinal);
        Assert.Contains("'+82 번호", sheet, StringComparison.Ordinal);
        Assert.Contains("'-항목", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        var c = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "1.1.1", default)));
        Assert.Equal("=HYPERLINK(\"http://evil\")", c.RelatedDocuments);
        Assert.Equal("@SUM(A1)", c.EvidenceRecords);
        var d = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.5.4", default)));
        Assert.Equal("'=이미 따옴표", d.OperationStatus);

        // The layout: Korean headers, a frozen header row, widths, wrapping, print set-up repeated titles.
        Assert.Contains("운영현황", sheet, StringComparison.Ordinal);
        Assert.Contains("state=\"frozen\"", sheet, StringComparison.Ordinal);
        Assert.Contains("customWidth=\"1\"", sheet, StringComparison.Ordinal);
        Assert.Contains("<x:pageSetup", sheet, StringComparison.Ordinal);
        Assert.Contains("_xlnm.Print_Titles", Encoding.UTF8.GetString(p1["xl/workbook.xml"]), StringComparison.Ordinal);
        Assert.Contains("wrapText=\"1\"", Encoding.UTF8.GetString(p1["xl/styles.xml"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task An_edited_english_file_updates_the_statement_in_one_audited_change(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var file = Ok(await Use<ExportStatement, Jikimi.Domain.Common.Result<Common.ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.En, default)));
        Assert.Contains("Operating status", Encoding.UTF8.GetString(Parts(file.Content)[Sheet]), StringComparison.Ordinal);

        // Row 2 is 1.1.1: mark it not operated with a reason and write a status, as a user would in a spreadsheet.
        var edited = EditPart(file.Content, Sheet, xml => xml
            .Replace("<x:c r=\"F2\" s=\"3\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">Y</x:t></x:is></x:c>", "<x:c r=\"F2\" s=\"3\" t=\"inlineStr\"><x:is><x:t>N</x:t></x:is></x:c>", StringComparison.Ordinal)
            .Replace("<x:c r=\"G2\" s=\"2\" />", "<x:c r=\"G2\" t=\"inlineStr\"><x:is><x:t>지주회사가 운영</x:t></x:is></x:c>", StringComparison.Ordinal)
            .Replace("<x:c r=\"H2\" s=\"2\" />", "<x:c r=\"H2\" t=\"inlineStr\"><x:is><x:t>분기별 보고</x:t></x:is></x:c>", StringComparison.Ordinal));
        Assert.NotEqual(file.Content, edited);
        var report = Ok(await Use<ImportStatement, Jikimi.Domain.Common.Result<StatementImportReport>>(app, org, h => h.Handle(org, null, new MemoryStream(edited), default)));
        Assert.Equal(["1.1.1"], report.ChangedControls);
        var c = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "1.1.1", default)));
        Assert.False(c.Control.Applicable);
        Assert.Equal("지주회사가 운영", c.Control.NotApplicableReason);
        Assert.Equal("분기별 보고", c.OperationStatus);
        var events = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.Where(e => e.Action == AuditActions.StatementImported).CountAsync());
        Assert.Equal(1, events);

        // The same file again changes nothing and writes no event.
        var again = Ok(await Use<ImportStatement, Jikimi.Domain.Common.Result<StatementImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(edited), default)));
        Assert.Equal(0, again.Changed);
        Assert.Equal(1, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.Where(e => e.Action == AuditActions.StatementImported).CountAsync()));
    }
}
