using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests.Risk;

/// <summary>The risk and asset HTTP contract: CSV in and out, row errors, who may approve, SVG pictures.</summary>
public class RiskApiTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Csv_import_is_all_or_nothing_with_row_errors_and_exports_back(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var org = $"/api/v1/orgs/{w.A.Org}";

        var bad = "\uFEFFassetId,name,type,owner,confidentiality,integrity,availability\r\nSRV-1,웹서버,server,alice@a.kr,3,3,2\r\nSRV-1,\"웹서버, 사본\",server,,1,1,1\r\nDB-1,고객 DB,database,ghost@a.kr,3,3,3\r\n";
        var rejected = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Csv(bad)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("import.rejected", rejected.GetProperty("code").GetString());
        var errors = rejected.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(3, "assetId", "asset.duplicate"), (4, "owner", "owner.unknown")], errors);
        Assert.Equal(0, (await HttpAssert.Json(await alice.GetAsync($"{org}/assets"), HttpStatusCode.OK)).GetProperty("total").GetInt32());

        var wrongColumns = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Csv("id,name\r\nx,y\r\n")), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(wrongColumns.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "import.unknown_column" && e.GetProperty("column").GetString() == "id");
        await HttpAssert.Problem(await alice.PostAsync($"{org}/assets/import", Csv("")), HttpStatusCode.UnprocessableEntity, "input.empty");
        var cp949 = new ByteArrayContent([.. "assetId,name,type,confidentiality,integrity,availability\r\nS-1,"u8, 0xC0, 0xA5, .. ",server,1,1,1\r\n"u8]); // "웹" in CP949
        await HttpAssert.Problem(await alice.PostAsync($"{org}/assets/import", cp949), HttpStatusCode.UnprocessableEntity, "input.encoding");

        var good = "assetId,name,type,owner,location,inScope,confidentiality,integrity,availability,personalInfo,uniqueId\r\nSRV-1,\"웹서버, 1호기\",server,alice@a.kr,=IDC,Y,3,3,2,Y,N\r\nPC-1,업무 PC,PC·단말기,,,N,1,2,1,N,N\r\n";
        var summary = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Csv(good)), HttpStatusCode.OK);
        Assert.Equal(2, summary.GetProperty("created").GetInt32());
        var page = await HttpAssert.Json(await alice.GetAsync($"{org}/assets?type=terminal"), HttpStatusCode.OK);
        Assert.Equal("PC-1", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("assetId").GetString());

        var export = await alice.GetAsync($"{org}/assets/export.csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("assetId,name,type,owner,administrator,location,inScope,confidentiality,integrity,availability,personalInfo,uniqueId", lines[0]);
        Assert.Equal("PC-1,업무 PC,terminal,,,,N,1,2,1,N,N", lines[1]);
        Assert.Equal("SRV-1,\"웹서버, 1호기\",server,alice@a.kr,,'=IDC,Y,3,3,2,Y,N", lines[2]); // formula neutralised

        // The export imports back unchanged: the guard's apostrophe is not kept.
        var again = await HttpAssert.Json(await alice.PostAsync($"{org}/assets/import", Csv(text)), HttpStatusCode.OK);
        Assert.Equal((0, 2), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32()));
        var srv = Assert.Single((await HttpAssert.Json(await alice.GetAsync($"{org}/assets"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), a => a.GetProperty("assetId").GetString() == "SRV-1");
        Assert.Equal("=IDC", srv.GetProperty("location").GetString());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Only_an_executive_approves_the_doa_and_accepts_risks_and_the_heat_map_changes(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var org = $"/api/v1/orgs/{w.A.Org}";
        var cmToken = (await HttpAssert.Json(await alice.PostAsJsonAsync($"{org}/api-tokens", new { name = "cm", role = "compliance-manager" }), HttpStatusCode.Created)).GetProperty("token").GetString();
        var cm = h.Client(cmToken);
        var ids = await RiskIds.CreateAsync(cm, w.A.Org);
        var ra = $"{org}/risk/assessments/{ids.RiskAssessment}";

        var set = await HttpAssert.Json(await cm.PutAsJsonAsync($"{ra}/acceptable-level", new { level = 9, version = 0 }), HttpStatusCode.OK);
        Assert.False(set.GetProperty("doaApproved").GetBoolean());
        await HttpAssert.Problem(await cm.PostAsync($"{ra}/acceptable-level/approve", null), HttpStatusCode.Forbidden, "access.forbidden");
        var approved = await HttpAssert.Json(await alice.PostAsync($"{ra}/acceptable-level/approve", null), HttpStatusCode.OK);
        Assert.Equal("앨리스", approved.GetProperty("doaApprovedBy").GetString());

        // 3 (DB grade: 3+3+2=8 → high) × 3 × 2 = 18 > 9.
        var above = await HttpAssert.Json(await cm.GetAsync($"{ra}/risks?aboveDoa=true"), HttpStatusCode.OK);
        var risk = Assert.Single(above.GetProperty("items").EnumerateArray());
        Assert.Equal((18, true), (risk.GetProperty("score").GetInt32(), risk.GetProperty("aboveDoa").GetBoolean()));

        var before = await cm.GetStringAsync($"{ra}/heat-map.svg?lang=en");
        Assert.Contains("data-likelihood=\"2\" data-impact=\"3\" data-open=\"1\" data-accepted=\"0\"", before, StringComparison.Ordinal);
        await HttpAssert.Json(await cm.PutAsJsonAsync($"{ra}/risks/{ids.Risk}/treatment", new { strategy = "accept", plan = "다음 분기 MFA", owner = "alice@a.kr", dueDate = "2027-03-31", linkedControls = new[] { "2.5.3" }, completed = false, version = 0 }), HttpStatusCode.OK);
        await HttpAssert.Problem(await cm.PostAsync($"{ra}/risks/{ids.Risk}/accept", null), HttpStatusCode.Forbidden, "access.forbidden");
        var accepted = await HttpAssert.Json(await alice.PostAsync($"{ra}/risks/{ids.Risk}/accept", null), HttpStatusCode.OK);
        Assert.Equal(("accepted", "앨리스"), (accepted.GetProperty("status").GetString(), accepted.GetProperty("acceptedBy").GetString()));
        await HttpAssert.Problem(await alice.PostAsync($"{ra}/risks/{ids.Risk}/accept", null), HttpStatusCode.Conflict, "risk.already_accepted");

        var svg = await cm.GetAsync($"{ra}/heat-map.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var after = await svg.Content.ReadAsStringAsync();
        Assert.Contains("data-likelihood=\"2\" data-impact=\"3\" data-open=\"0\" data-accepted=\"1\"", after, StringComparison.Ordinal);
        Assert.Contains("히트맵", after, StringComparison.Ordinal);
        Assert.Contains("data-subdomain=\"-\"", await cm.GetStringAsync($"{ra}/by-domain.svg"), StringComparison.Ordinal);
        Assert.Contains("쇼핑몰", await cm.GetStringAsync($"{org}/pi-flows/diagram.svg?service=쇼핑몰"), StringComparison.Ordinal);
        await HttpAssert.Problem(await cm.GetAsync($"{org}/pi-flows/diagram.svg?service=없음"), HttpStatusCode.NotFound, "pi_flow.not_found");

        var audit = await HttpAssert.Json(await alice.GetAsync($"{org}/audit-events?action=risk.accepted"), HttpStatusCode.OK);
        Assert.Equal("앨리스", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Viewers_read_but_may_not_change_risk_data(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var org = $"/api/v1/orgs/{w.A.Org}";
        var alice = h.Client(w.Alice);
        var ids = await RiskIds.CreateAsync(alice, w.A.Org);
        var viewerToken = (await HttpAssert.Json(await alice.PostAsJsonAsync($"{org}/api-tokens", new { name = "v", role = "viewer" }), HttpStatusCode.Created)).GetProperty("token").GetString();
        var viewer = h.Client(viewerToken);
        await HttpAssert.Json(await viewer.GetAsync($"{org}/risk/assessments/{ids.RiskAssessment}/risks"), HttpStatusCode.OK);
        await HttpAssert.Json(await viewer.GetAsync($"{org}/risk/due-items"), HttpStatusCode.OK);
        await HttpAssert.Problem(await viewer.PostAsync($"{org}/assets/import", Csv("assetId,name,type,confidentiality,integrity,availability\r\nX,x,server,1,1,1\r\n")), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await viewer.PostAsJsonAsync($"{org}/risk/assessments", new { year = 2027 }), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await viewer.PutAsJsonAsync($"{org}/risk/assessments/{ids.RiskAssessment}/risks/{ids.Risk}/treatment", new { strategy = "reduce", version = 0, completed = false }), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await viewer.PostAsync($"{org}/risk/assessments/{ids.RiskAssessment}/acceptable-level/approve", null), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await viewer.DeleteAsync($"{org}/assets/{ids.Asset}"), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await alice.DeleteAsync($"{org}/assets/{ids.Asset}"), HttpStatusCode.Conflict, "asset.in_use");
    }
}
