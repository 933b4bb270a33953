using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Jikimi.Application.Automation;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.Reports.Legacy;
using Jikimi.Reports.Xlsx;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Legacy;

/// <summary>Issue 19: the last K-ISMS results imported from an XLSX sheet take the same path as the CSV.</summary>
public class LegacySheetImportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Sheet = "xl/worksheets/sheet1.xml";

    private static readonly string[][] Rows = [["7.1.1", "미이행", "통제구역 지정 문서 없음"], ["10.3.3", "partial", ""], ["6.1.3", "이행", ""]];

    private static byte[] Workbook(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var specs = header.Select(h => new ColumnSpec(h, h, h, 12)).ToList();
        using var ms = new MemoryStream();
        XlsxWriter.Write(ms, [new SheetTable("results", specs, rows.Select(r => (IReadOnlyList<string?>)r.Cast<string?>().ToList()).ToList(), Korean: false)]);
        return ms.ToArray();
    }

    private static byte[] Good => Workbook(["ID", "Result", "Note"], Rows);

    private static Task<Result<RecordedRunView>> Import(AppHarness app, OrgAccess who, Guid assessment, byte[] file, string name = "k-isms-2017.xlsx") =>
        Use<ImportLegacySheet, Result<RecordedRunView>>(app, who, h => h.Handle(who, assessment, new MemoryStream(file), name, "KISA-2017-001", default));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_xlsx_sheet_imports_exactly_like_the_same_csv(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var (other, b) = await OrgWithAssessmentAsync(app, "other@b.kr");
        var fromXlsx = Ok(await Import(app, org, a.Id, Good));
        var csv = "id,result,note\r\n" + string.Join("\r\n", Rows.Select(r => string.Join(',', r))) + "\r\n";
        var fromCsv = Ok(await Import(app, other, b.Id, Encoding.UTF8.GetBytes(csv), "k-isms-2017.csv"));

        Assert.Equal(AutomatedSources.Legacy, fromXlsx.Run.Source);
        Assert.Equal(["2.2.3", "2.4.1", "2.5.4"], fromXlsx.ControlsLinked);
        Assert.Equal(fromCsv.ControlsLinked, fromXlsx.ControlsLinked);
        Assert.Equal(fromCsv.Suggestions, fromXlsx.Suggestions);
        Assert.True(fromXlsx.Suggestions > 0);
        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetAutomatedRun>().Handle(org, a.Id, fromXlsx.Run.Id, null, null, null, default)));
        Assert.Contains("통제구역 지정 문서 없음", detail.Results.Single(x => x.RuleId == "k-isms:7.1.1").Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not-a-workbook", "sheet.not_xlsx" },
        { "formula", "B3" },
        { "no-result-column", "id and result" },
        { "unknown-id", "row 3" },
        { "duplicate-id", "appears twice" },
        { "bad-result", "is not a result" },
        { "header-only", "no rows" },
    };

    private static byte[] Bad(string kind) => kind switch
    {
        "not-a-workbook" => Zip("xl/other.xml", "<x/>"),
        "formula" => EditPart(Good, Sheet, xml => Regex.Replace(xml, "<(\\w+:)?c r=\"B3\".*?</(\\w+:)?c>", "<$1c r=\"B3\"><$1f>\"pa\"&amp;\"rtial\"</$1f><$1v>partial</$1v></$1c>")),
        "no-result-column" => Workbook(["id", "outcome"], [["7.1.1", "이행"]]),
        "unknown-id" => Workbook(["id", "result"], [["7.1.1", "이행"], ["99.1.1", "이행"]]),
        "duplicate-id" => Workbook(["id", "result"], [["7.1.1", "이행"], ["7.1.1", "미이행"]]),
        "bad-result" => Workbook(["id", "result"], [["7.1.1", "maybe"]]),
        _ => Workbook(["id", "result", "note"], []),
    };

    private static byte[] Zip(string part, string text)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry(part).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_sheet_is_refused_with_where_and_nothing_is_stored(string kind, string expected)
    {
        await using var app = await AppHarness.CreateAsync(TestDatabase.Sqlite);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var r = await Import(app, org, a.Id, Bad(kind));
        Assert.Equal("legacy.sheet_invalid", r.Error?.Code);
        Assert.Contains(expected, r.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AutomatedRuns.CountAsync()));
    }

    [Fact]
    public async Task A_sheet_over_Input_MaxImportBytes_is_refused_before_it_is_read()
    {
        await using var app = await AppHarness.CreateAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Input:MaxImportBytes"] = "2048" });
        var (org, a) = await OrgWithAssessmentAsync(app);
        var big = Workbook(["id", "result", "note"], Enumerable.Range(1, 200).Select(i => new[] { "7.1.1", "이행", new string('x', 50) + i }));
        Assert.True(big.Length > 2048);
        Assert.Equal("input.too_large", (await Import(app, org, a.Id, big)).Error?.Code);
    }

    [Fact]
    public async Task Only_a_manager_imports()
    {
        await using var app = await AppHarness.CreateAsync(TestDatabase.Sqlite);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Jikimi.Domain.Organizations.Role.Viewer);
        Assert.IsType<Forbidden>((await Import(app, viewer, a.Id, Bad("not-a-workbook"))).Error);
    }
}
