using System.Net;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

/// <summary>
/// Uploaded HTML/SVG evidence is never rendered on the app's origin: the API and the page download send it as an
/// octet-stream attachment with nosniff and a sandboxing CSP. (The browser-side injection sweep of issue 16 item 7 —
/// payloads in every field opened in Chromium — is not part of this class.)
/// </summary>
public sealed class EvidenceDownloadTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Uploaded_html_and_svg_download_as_sandboxed_attachments_from_api_and_page(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var api = h.Client(w.Alice);
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={w.Alice}");
        var files = new (string Name, string Body)[]
        {
            ("page.html", "<script>fetch('/api/v1/orgs')</script>"),
            ("image.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"),
        };
        foreach (var (name, body) in files)
        {
            var up = await World.UploadAsync(api, w.A.Org, name, System.Text.Encoding.UTF8.GetBytes(body), ("title", name), ("effectiveDate", "2026-10-01"));
            var id = up.GetProperty("id").GetGuid();
            foreach (var url in new[] { $"/api/v1/orgs/{w.A.Org}/evidence/{id}/download", $"/orgs/{w.A.Org}/evidence/{id}?handler=Download" })
            {
                var client = url.StartsWith("/api/", StringComparison.Ordinal) ? api : browser;
                var r = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.Equal("application/octet-stream", r.Content.Headers.ContentType!.MediaType);
                Assert.Equal("attachment", r.Content.Headers.ContentDisposition!.DispositionType);
                Assert.Equal(name, r.Content.Headers.ContentDisposition.FileNameStar ?? r.Content.Headers.ContentDisposition.FileName?.Trim('"'));
                Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
                var csp = r.Headers.GetValues("Content-Security-Policy").Single();
                Assert.StartsWith("sandbox", csp, StringComparison.Ordinal);
                Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
                Assert.Equal(body, await r.Content.ReadAsStringAsync()); // the bytes, unchanged
            }
        }
    }
}
