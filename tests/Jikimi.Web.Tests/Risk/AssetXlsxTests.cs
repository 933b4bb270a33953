using System.Net;
using System.Net.Http.Headers;
using Jikimi.Application.Assets;
using Jikimi.Reports.Assets;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests.Risk;

/// <summary>The asset inventory as XLSX: export, import back (all or nothing), and bad workbooks refused with the cell.</summary>
public class AssetXlsxTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static ByteArrayContent Xlsx(byte[] bytes)
    {
        var c = new ByteArrayContent(bytes);
        c.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return c;
    }

    private static byte[] Book(params string[][] rows) =>
        AssetXlsx.Write(new AssetSheet(rows[0], rows.Skip(1).Select(r => (IReadOnlyList<string>)r).ToList()));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Xlsx_imports_all_or_nothing_and_exports_back_identically(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var org = $"/api/v1/orgs/{w.A.Org}";
        string[] header = ["assetId", "name", "type", "owner", "location", "confidentiality", "integrity", "availability", "personalInfo"];

        // A duplicate id in row 3: nothing at all is imported, and the error names the row.
        var bad = Book(header, ["DB-1", "회원 DB", "database", "alice@a.kr", "=IDC", "3", "3", "3", "Y"], ["DB-1", "사본", "database", "", "", "1", "1", "1", "N"]);
        var rejected = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Xlsx(bad)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("import.rejected", rejected.GetProperty("code").GetString());
        Assert.Contains(rejected.GetProperty("errors").EnumerateArray(), e => e.GetProperty("row").GetInt32() == 3);
        Assert.Equal(0, (await HttpAssert.Json(await alice.GetAsync($"{org}/assets"), HttpStatusCode.OK)).GetProperty("total").GetInt32());

        var good = Book(header, ["DB-1", "회원 DB", "database", "alice@a.kr", "=IDC", "3", "3", "3", "Y"], ["WEB-1", "웹 서버", "server", "", "IDC", "2", "2", "3", "N"]);
        var summary = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Xlsx(good)), HttpStatusCode.OK);
        Assert.Equal(2, summary.GetProperty("created").GetInt32());

        var export = await alice.GetAsync($"{org}/assets/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var (sheet, problem) = AssetXlsx.Read(new MemoryStream(bytes), new Jikimi.Input.InputLimits());
        Assert.Null(problem);
        Assert.Equal(AssetSheet.All, sheet!.Columns);
        var db = sheet.Rows.Single(r => r[0] == "DB-1");
        Assert.Equal("=IDC", db[Array.IndexOf(AssetSheet.All, "location")]); // neutralised in the file, restored on reading
        // The export imports back and changes nothing; exporting again gives the same cells.
        var again = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Xlsx(bytes)), HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        var (second, _) = AssetXlsx.Read(new MemoryStream(await (await alice.GetAsync($"{org}/assets/export.xlsx")).Content.ReadAsByteArrayAsync()), new Jikimi.Input.InputLimits());
        Assert.Equal(sheet.Rows.Select(r => string.Join("|", r)), second!.Rows.Select(r => string.Join("|", r)));
    }

    [Fact]
    public async Task A_truncated_workbook_is_refused_with_a_clear_error_and_nothing_changes()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var org = $"/api/v1/orgs/{w.A.Org}";
        var book = Book(["assetId", "name", "type", "confidentiality", "integrity", "availability"], ["A-1", "x", "server", "1", "1", "1"]);
        var r = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Xlsx(book[..(book.Length / 2)])), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("import.sheet.", r.GetProperty("code").GetString());
        Assert.Equal(0, (await HttpAssert.Json(await alice.GetAsync($"{org}/assets"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }
}
