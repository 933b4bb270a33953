using System.Diagnostics;
using Jikimi.Application.Assets;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Assets;

public class AssetImportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly string[] Header = ["assetId", "name", "type", "owner", "confidentiality", "integrity", "availability", "personalInfo"];

    private static AssetSheet Sheet(string[] columns, params string[][] rows) => new(columns, rows.Select(r => (IReadOnlyList<string>)r).ToList());

    private static Task<Domain.Common.Result<ImportSummary>> Import(AppHarness app, OrgAccess who, AssetSheet sheet) =>
        app.Run(who.OrganizationId, sp => sp.GetRequiredService<ImportAssets>().Handle(who, sheet, default));

    private static Task<int> CountAsync(AppHarness app, OrgAccess who) =>
        app.Run(who.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Set<Asset>().CountAsync());

    private static async Task<OrgAccess> OrgAsync(AppHarness app)
    {
        var admin = await app.CreateUserAsync("admin@a.kr", "관리자", systemAdministrator: true);
        return await app.CreateOrganizationAsync(admin);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Bad_files_are_rejected_whole_with_every_problem_by_row_and_column(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var org = await OrgAsync(app);
        Ok(await Import(app, org, Sheet(Header, ["SRV-1", "웹서버", "server", "admin@a.kr", "3", "3", "2", "Y"])));

        // Wrong columns: an unknown one, a missing required one, a doubled one.
        var columns = Fails<ImportSummary, ImportRejected>(await Import(app, org, Sheet(["assetId", "name", "kind", "name", "confidentiality", "integrity", "availability"], ["X", "x", "server", "x", "1", "1", "1"])));
        Assert.Equal(
            [(1, "kind", "import.unknown_column"), (1, "name", "import.duplicate_column"), (1, "type", "import.missing_column")],
            columns.Errors.Select(e => (e.Row, e.Column, e.Code)).OrderBy(e => e.Column));

        // Rows: a good one that would update SRV-1, a duplicate id, an unknown owner, a bad type and a rating off the scale.
        var rows = Fails<ImportSummary, ImportRejected>(await Import(app, org, Sheet(
            Header,
            ["SRV-1", "웹서버 (변경)", "server", "admin@a.kr", "1", "1", "1", "N"],
            ["DB-1", "고객 DB", "database", "admin@a.kr", "3", "3", "3", "Y"],
            ["db-1", "고객 DB 사본", "database", "", "3", "3", "3", "Y"],
            ["PC-1", "단말", "terminal", "nobody@x.kr", "1", "1", "1", "N"],
            ["X-1", "무엇", "spaceship", "", "1", "1", "1", "N"],
            ["X-2", "등급", "server", "", "4", "1", "1", "N"],
            ["X-3", "표시", "server", "", "1", "1", "1", "maybe"])));
        Assert.Equal(
            [(4, "assetId", "asset.duplicate"), (5, "owner", "owner.unknown"), (6, "type", "asset.type_unknown"), (7, "confidentiality", "validation.confidentiality"), (8, "personalInfo", "asset.flag_invalid")],
            rows.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Contains("row 3", rows.Errors[0].Message, StringComparison.Ordinal);

        // Nothing half-imported: one asset, unchanged.
        Assert.Equal(1, await CountAsync(app, org));
        var srv = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAssets>().Handle(org, new AssetFilter(), default))).Items.Single();
        Assert.Equal(("웹서버", 3, 8, 3), (srv.Name, srv.Confidentiality, srv.ImportanceScore, srv.Grade));
        Assert.Equal("admin@a.kr", srv.OwnerEmail);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Five_thousand_assets_import_in_one_transaction_page_and_export_again(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var org = await OrgAsync(app);
        var rows = Enumerable.Range(1, 5000).Select(i => new[] { $"A-{i:D5}", $"자산 {i}", i % 2 == 0 ? "server" : "pii-system", "admin@a.kr", $"{1 + (i % 3)}", "2", "3", i % 5 == 0 ? "Y" : "N" }).ToArray();
        var watch = Stopwatch.StartNew();
        var summary = Ok(await Import(app, org, Sheet(Header, rows)));
        watch.Stop();
        Assert.Equal((5000, 5000, 0), (summary.Rows, summary.Created, summary.Updated));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"import took {watch.Elapsed}");
        Assert.Equal(5000, await CountAsync(app, org));

        var page = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAssets>().Handle(org, new AssetFilter(Page: 3, PageSize: 100), default)));
        Assert.Equal((5000, 100, "A-00201"), (page.Total, page.Items.Count, page.Items[0].AssetId));
        var pii = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAssets>().Handle(org, new AssetFilter(Type: "pii-system", PersonalInfo: true, PageSize: 10), default)));
        Assert.Equal(500, pii.Total);

        // Export, change one row, import again: updates in place, nothing duplicated.
        var sheet = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ExportAssets>().Handle(org, default));
        Assert.Equal(5000, sheet.Rows.Count);
        Assert.Equal(AssetSheet.All, sheet.Columns);
        var changed = sheet.Rows.Select((r, i) => i == 0 ? (IReadOnlyList<string>)[.. r.Take(1), "이름 바뀜", .. r.Skip(2)] : r).ToList();
        var again = Ok(await Import(app, org, new AssetSheet(sheet.Columns, changed)));
        Assert.Equal((0, 5000), (again.Created, again.Updated));
        Assert.Equal(5000, await CountAsync(app, org));
        var first = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAssets>().Handle(org, new AssetFilter(Search: "A-00001"), default))).Items.Single();
        Assert.Equal("이름 바뀜", first.Name);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Search_ignores_case_on_every_provider(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var org = await OrgAsync(app);
        Ok(await Import(app, org, Sheet(Header, ["SRV-Web", "웹서버 Frontend", "server", "", "1", "1", "1", "N"], ["db-main", "고객 DB", "database", "", "3", "3", "3", "Y"])));
        async Task<string[]> Find(string term) =>
            [.. Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAssets>().Handle(org, new AssetFilter(Search: term), default))).Items.Select(a => a.AssetId)];

        Assert.Equal(["SRV-Web"], await Find("srv-web"));
        Assert.Equal(["db-main"], await Find("DB-MAIN"));
        Assert.Equal(["SRV-Web"], await Find("FRONTEND"));
        Assert.Equal(["db-main"], await Find("고객"));
        Assert.Empty(await Find("nothing"));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Viewers_may_not_import_and_asset_ids_stay_unique(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var org = await OrgAsync(app);
        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("v@a.kr", "뷰어"), Role.Viewer);
        Fails<ImportSummary, Domain.Common.Forbidden>(await Import(app, viewer, Sheet(Header, ["SRV-1", "웹서버", "server", "", "1", "1", "1", "N"])));
        var req = new AssetRequest("SRV-1", "웹서버", "server", null, null, "IDC", true, 2, 2, 2, false, false);
        Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAsset>().Handle(org, req, default)));
        Fails<AssetView, AssetCodeTaken>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAsset>().Handle(org, req with { AssetId = "srv-1" }, default)));
        Fails<AssetView, Domain.Common.Forbidden>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAsset>().Handle(viewer, req with { AssetId = "SRV-2" }, default)));
    }
}
