using System.IO.Compression;
using System.Text;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Input;
using Jikimi.Reports.Common;
using Jikimi.Reports.Statement;
using Jikimi.Reports.Xlsx;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Reports.Tests.Reporting;

namespace Jikimi.Reports.Tests.Statement;

/// <summary>Every kind of bad file gets a clear error naming the cell, and nothing is half-imported.</summary>
public class StatementBadInputTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Sheet = "xl/worksheets/sheet1.xml";

    private static string Cell(string reference, string text) => $"<x:c r=\"{reference}\" t=\"inlineStr\"><x:is><x:t>{text}</x:t></x:is></x:c>";

    /// <summary>Replaces the empty (or Y) cell at a reference in the exported sheet XML.</summary>
    private static string SetCell(string xml, string reference, string replacement)
    {
        var start = xml.IndexOf($"<x:c r=\"{reference}\"", StringComparison.Ordinal);
        var end = xml.IndexOf("</x:c>", start, StringComparison.Ordinal);
        var selfClosing = xml.IndexOf("/>", start, StringComparison.Ordinal);
        var stop = selfClosing >= 0 && (end < 0 || selfClosing < xml.IndexOf('>', start) + 1) ? selfClosing + 2 : end + 6;
        return xml[..start] + replacement + xml[stop..];
    }

    private static async Task<string> SnapshotAsync(AppHarness app, OrgAccess org) =>
        string.Join("\n", await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().ControlAssessments.OrderBy(c => c.ControlId)
            .Select(c => c.ControlId + "|" + c.Applicable + "|" + c.NotApplicableReason + "|" + c.OperationStatus + "|" + c.RelatedDocuments + "|" + c.EvidenceRecords + "|" + c.Version).ToListAsync()));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Bad_files_are_refused_whole_with_cell_references(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await UpdateStatementAsync(app, org, a.Id, "1.1.1", true, null, "기존 운영현황", null, null);
        var good = Ok(await Use<ExportStatement, Result<ReportFile>>(app, org, h => h.Handle(org, a.Id, Language.Ko, default))).Content;
        var before = await SnapshotAsync(app, org);

        // A valid change in row 2 travels with every bad edit below: it must not be applied either.
        string WithGoodChange(string xml) => SetCell(xml, "I2", Cell("I2", "정보보호정책 제3조"));

        var cases = new (string Name, byte[] File, string Code, string? CellRef)[]
        {
            ("corrupted", Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not really a zip file at all"), "sheet.not_xlsx", null),
            ("truncated", good[..(good.Length / 2)], "sheet.not_xlsx", null),
            ("wrong sheet", EditPart(good, "xl/workbook.xml", x => x.Replace("name=\"운영명세서\"", "name=\"Sheet1\"", StringComparison.Ordinal)), "sheet.wrong_sheet", null),
            ("missing column", EditPart(good, Sheet, x => WithGoodChange(SetCell(x, "J1", "<x:c r=\"J1\" />"))), "statement.column_missing", "J1"),
            ("extra column", EditPart(good, Sheet, x => WithGoodChange(x.Replace("</x:row>", Cell("K1", "비고") + "</x:row>", StringComparison.Ordinal))), "statement.column_extra", "K1"),
            ("formula", EditPart(good, Sheet, x => WithGoodChange(SetCell(x, "H5", "<x:c r=\"H5\"><x:f>1+1</x:f><x:v>2</x:v></x:c>"))), "statement.formula", "H5"),
            ("N without reason", EditPart(good, Sheet, x => WithGoodChange(SetCell(x, "F3", Cell("F3", "N")))), "statement.reason_required", "G3"),
            ("bad Y/N", EditPart(good, Sheet, x => WithGoodChange(SetCell(x, "F4", Cell("F4", "maybe")))), "statement.operated_invalid", "F4"),
            ("unknown control", EditPart(good, Sheet, x => WithGoodChange(SetCell(x, "C6", Cell("C6", "9.9.9")))), "statement.control_unknown", "C6"),
            ("duplicate control", EditPart(good, Sheet, x => WithGoodChange(SetCell(x, "C7", Cell("C7", "1.1.1")))), "statement.control_duplicate", "C7"),
            ("text too long", EditPart(good, Sheet, x => WithGoodChange(SetCell(x, "J8", Cell("J8", new string('가', 10_001))))), "validation.evidenceRecords", "J8"),
            ("10,000 rows", TenThousandRows(good), "sheet.too_many_rows", null),
            ("zip bomb", ZipBomb(good), "sheet.part_too_large", null),
        };

        foreach (var (name, file, code, cellRef) in cases)
        {
            var r = await Use<ImportStatement, Result<StatementImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(file), default));
            var rejected = Assert.IsType<StatementRejected>(r.Error);
            Assert.True(rejected.Problems.Any(p => p.Code == code && p.Cell == cellRef), $"{name}: expected {code} at {cellRef ?? "(file)"}, got {string.Join("; ", rejected.Problems)}");
            Assert.Equal(before, await SnapshotAsync(app, org));
        }

        // The good change alone is accepted (so the cases above failed for their own reason).
        var ok = Ok(await Use<ImportStatement, Result<StatementImportReport>>(app, org, h => h.Handle(org, a.Id, new MemoryStream(EditPart(good, Sheet, WithGoodChange)), default)));
        Assert.Equal(["1.1.1"], ok.ChangedControls);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_100_MB_upload_is_refused_without_reading_it_all_and_viewers_may_not_import(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var huge = new ZeroStream(100L * 1024 * 1024);
        var r = await Use<ImportStatement, Result<StatementImportReport>>(app, org, h => h.Handle(org, a.Id, huge, default));
        Assert.Equal(InputError.TooLargeCode, Assert.IsType<InputTooLarge>(r.Error).Code);
        Assert.True(huge.Position <= new InputLimits().MaxImportBytes + InputFile.CopyBufferBytes, $"read {huge.Position:N0} bytes");

        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("v@a.kr", "뷰어"), Domain.Organizations.Role.Viewer);
        var denied = await Use<ImportStatement, Result<StatementImportReport>>(app, viewer, h => h.Handle(viewer, a.Id, new MemoryStream([1, 2, 3]), default));
        Assert.IsType<Forbidden>(denied.Error);
        var missing = await Use<ImportStatement, Result<StatementImportReport>>(app, org, h => h.Handle(org, Guid.NewGuid(), new MemoryStream([1, 2, 3]), default));
        Assert.IsType<NotFound>(missing.Error);
    }

    [Fact]
    public void Formula_guard_neutralises_and_restores_exactly()
    {
        foreach (var s in new[] { "=1+1", "+82", "-항목", "@x", "\tx", "'=x", "''+y", "plain", "'quoted", "" })
        {
            var n = FormulaGuard.Neutralize(s);
            Assert.False(n.Length > 0 && n[0] is '=' or '+' or '-' or '@' or '\t', s);
            Assert.Equal(s, FormulaGuard.Restore(n));
        }

        Assert.Equal("plain", FormulaGuard.Neutralize("plain"));
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(10, "J")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(703, "AAA")]
    public void Cell_references_round_trip(int column, string letters)
    {
        Assert.Equal(letters + "7", CellRef.Of(column, 7));
        Assert.True(CellRef.TryParse(letters + "7", out var c, out var r));
        Assert.Equal((column, 7), (c, r));
    }

    private static byte[] TenThousandRows(byte[] good) => EditPart(good, Sheet, xml =>
    {
        var sb = new StringBuilder();
        for (var i = 200; i < 10_200; i++)
        {
            sb.Append($"<x:row r=\"{i}\">{Cell($"C{i}", "1.1.1")}</x:row>");
        }

        return xml.Replace("</x:sheetData>", sb + "</x:sheetData>", StringComparison.Ordinal);
    });

    /// <summary>A sheet part that inflates to 60 MB of spaces from a few kilobytes.</summary>
    private static byte[] ZipBomb(byte[] good)
    {
        var parts = Parts(good);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                if (name == Sheet)
                {
                    var text = Encoding.UTF8.GetString(bytes);
                    var cut = text.IndexOf("<x:sheetData>", StringComparison.Ordinal);
                    s.Write(Encoding.UTF8.GetBytes(text[..cut]));
                    var spaces = new byte[1024 * 1024];
                    Array.Fill(spaces, (byte)' ');
                    for (var i = 0; i < 60; i++)
                    {
                        s.Write(spaces);
                    }

                    s.Write(Encoding.UTF8.GetBytes(text[cut..]));
                }
                else
                {
                    s.Write(bytes);
                }
            }
        }

        Assert.True(output.Length < 1024 * 1024, $"bomb is {output.Length:N0} bytes");
        return output.ToArray();
    }

    /// <summary>A stream of zeros of a given length that never holds them in memory.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
