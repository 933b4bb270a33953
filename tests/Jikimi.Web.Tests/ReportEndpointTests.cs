using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

/// <summary>The HTTP contract of the document endpoints: downloads, uploads, problem codes and who may call them.</summary>
public class ReportEndpointTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static ByteArrayContent Xlsx(byte[] bytes)
    {
        var c = new ByteArrayContent(bytes);
        c.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return c;
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Statement_downloads_and_uploads_and_bad_files_get_cell_references(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var url = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}/statement";
        var download = await c.GetAsync(url + "?lang=en");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("operation-statement-2026-isms-p-2023.xlsx", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var bytes = await download.Content.ReadAsByteArrayAsync();

        var raw = await HttpAssert.Json(await c.PostAsync(url, Xlsx(bytes)), HttpStatusCode.OK);
        Assert.Equal(0, raw.GetProperty("changed").GetInt32());
        using var form = new MultipartFormDataContent { { Xlsx(bytes), "file", "statement.xlsx" } };
        await HttpAssert.Json(await c.PostAsync(url, form), HttpStatusCode.OK);

        var bad = await c.PostAsync(url, Xlsx("not a workbook"u8.ToArray()));
        await HttpAssert.Problem(bad, HttpStatusCode.UnprocessableEntity, "statement.invalid");
        var body = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("sheet.not_xlsx", body.GetProperty("problems")[0].GetProperty("code").GetString());

        await HttpAssert.Problem(await c.PostAsync(url, Xlsx(new byte[(20 * 1024 * 1024) + 1])), HttpStatusCode.RequestEntityTooLarge, "input.too_large");

        // Another assessment's file is refused rather than written into the wrong year.
        var other = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/assessments", new { year = 2027, edition = "2023" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments/{other}/statement", Xlsx(bytes)), HttpStatusCode.UnprocessableEntity, "statement.other_assessment");

        // Viewers may download, not import.
        var viewer = (await HttpAssert.Json(await c.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/api-tokens", new { name = "v", role = "viewer" }), HttpStatusCode.Created)).GetProperty("token").GetString();
        var v = h.Client(viewer);
        Assert.Equal(HttpStatusCode.OK, (await v.GetAsync(url)).StatusCode);
        await HttpAssert.Problem(await v.PostAsync(url, Xlsx(bytes)), HttpStatusCode.Forbidden, "access.forbidden");
        await HttpAssert.Problem(await h.Client().GetAsync(url), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Readiness_report_oscal_and_prowler_over_http(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var a = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}";
        var pdf = await c.GetAsync($"{a}/reports/readiness?format=pdf&lang=ko");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var html = await c.GetAsync($"{a}/reports/readiness?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("인증 준비도 보고서", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await HttpAssert.Problem(await c.GetAsync($"{a}/reports/readiness?format=docx"), HttpStatusCode.UnprocessableEntity, "validation.format");
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/assessments/{Guid.NewGuid()}/reports/readiness"), HttpStatusCode.NotFound, "assessment.not_found");

        var results = await HttpAssert.Json(await c.GetAsync($"{a}/oscal"), HttpStatusCode.OK);
        Assert.Equal("1.0.4", results.GetProperty("assessment-results").GetProperty("metadata").GetProperty("oscal-version").GetString());
        var catalog = await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/oscal/catalog?edition=2023&lang=en"), HttpStatusCode.OK);
        Assert.Equal("ISMS-P certification criteria (2023)", catalog.GetProperty("catalog").GetProperty("metadata").GetProperty("title").GetString());
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/oscal/catalog?edition=1999"), HttpStatusCode.UnprocessableEntity, "validation.edition");

        var ocsf = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "tests", "Jikimi.Reports.Tests", "TestData", "prowler", "prowler-ocsf.json"));
        var created = await HttpAssert.Json(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/prowler", new ByteArrayContent(ocsf)), HttpStatusCode.Created);
        Assert.False(created.GetProperty("alreadyImported").GetBoolean());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(ocsf), "file", "prowler.ocsf.json" } };
        var again = await HttpAssert.Json(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/prowler?assessmentId={w.A.Assessment}", form), HttpStatusCode.OK);
        Assert.True(again.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(created.GetProperty("evidenceId").GetGuid(), again.GetProperty("evidenceId").GetGuid());
        await HttpAssert.Problem(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/prowler", new StringContent("nope", System.Text.Encoding.UTF8, "text/csv")), HttpStatusCode.UnprocessableEntity, "prowler.invalid");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Findings_report_downloads_as_pdf_and_html_and_other_audits_are_not_found(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var url = $"/api/v1/orgs/{w.A.Org}/audits/{w.A.Audit}/reports/findings";
        var pdf = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 5), StringComparison.Ordinal);
        var html = await c.GetAsync(url + "?format=html&lang=en");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Findings report", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await HttpAssert.Problem(await c.GetAsync(url + "?format=docx"), HttpStatusCode.UnprocessableEntity, "validation.format");
        await HttpAssert.Problem(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/audits/{Guid.NewGuid()}/reports/findings"), HttpStatusCode.NotFound, "audit.not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/orgs/{w.B.Org}/audits/{w.B.Audit}/reports/findings")).StatusCode);
        await HttpAssert.Problem(await h.Client().GetAsync(url), HttpStatusCode.Unauthorized, "auth.required");
    }
}
