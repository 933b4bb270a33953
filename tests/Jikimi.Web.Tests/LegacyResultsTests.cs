using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

/// <summary>Issue 19 item 4: the last K-ISMS results reach a 2023 assessment as suggestions through the API and the documents page.</summary>
public sealed partial class LegacyResultsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Sheet = "id,result,note\r\n7.1.1,미이행,보호구역 지정 문서 없음\r\n10.3.3,부분이행,\r\n";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_api_records_a_legacy_run_and_refuses_a_bad_row_with_its_place(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var url = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}/automated-runs?source=legacy&label=KISA-2017-001";
        var created = await HttpAssert.Json(await c.PostAsync(url, new ByteArrayContent(Encoding.UTF8.GetBytes(Sheet))), HttpStatusCode.Created);
        Assert.Equal("legacy", created.GetProperty("run").GetProperty("source").GetString());
        Assert.Equal("KISA-2017-001", created.GetProperty("run").GetProperty("label").GetString());
        Assert.True(created.GetProperty("suggestions").GetInt32() > 0);

        var refused = await HttpAssert.Json(await c.PostAsync(url, new ByteArrayContent("id,result\n7.1.1,fail\n2.4.1,fail\n"u8.ToArray())), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("legacy.sheet_invalid", refused.GetProperty("code").GetString());
        Assert.Contains("row 2", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Tenant isolation: A's administrator cannot import into B's assessment, through either organization's path.
        var viaA = await c.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments/{w.B.Assessment}/automated-runs?source=legacy", new ByteArrayContent(Encoding.UTF8.GetBytes(Sheet)));
        Assert.Equal(HttpStatusCode.NotFound, viaA.StatusCode);
        var viaB = await c.PostAsync($"/api/v1/orgs/{w.B.Org}/assessments/{w.B.Assessment}/automated-runs?source=legacy", new ByteArrayContent(Encoding.UTF8.GetBytes(Sheet)));
        Assert.Equal(HttpStatusCode.NotFound, viaB.StatusCode);
    }

    [Fact]
    public async Task The_documents_page_imports_the_sheet_and_the_control_page_shows_the_crosswalks_reason()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var url = $"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/documents";
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={w.Alice}");
        var get = await browser.GetAsync(url);
        var page = await get.Content.ReadAsStringAsync();
        Assert.Contains("id=\"import-legacy\"", page, StringComparison.Ordinal);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var cookie = get.Headers.GetValues("Set-Cookie").First(x => x.StartsWith("jikimi_af=", StringComparison.Ordinal)).Split(';')[0];
        var post = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Legacy")
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent(token), "__af" },
                { new StringContent("KISA-2017-001"), "label" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes(Sheet)), "file", "k-isms.csv" },
            },
        };
        post.Headers.Add("Cookie", $"jikimi_session={w.Alice}; {cookie}");
        var r = await h.Client().SendAsync(post);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("id=\"legacy-result\"", html, StringComparison.Ordinal);
        Assert.Contains("/controls/2.4.1\"", html, StringComparison.Ordinal);

        var control = WebUtility.HtmlDecode(await (await browser.GetAsync($"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/controls/2.4.1")).Content.ReadAsStringAsync());
        Assert.Contains("legacy · KISA-2017-001", control, StringComparison.Ordinal);
        Assert.Contains("K-ISMS 7.1.1 → 2023 2.4.1", control, StringComparison.Ordinal);
        Assert.Contains("보호구역 지정 문서 없음", control, StringComparison.Ordinal);
        Assert.Contains("data-check-item=\"2.4.1-1\"", control, StringComparison.Ordinal);

        // Without the antiforgery field the form is refused.
        var forged = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Legacy")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Sheet)), "file", "k-isms.csv" } },
        };
        forged.Headers.Add("Cookie", $"jikimi_session={w.Alice}; {cookie}");
        Assert.Equal(HttpStatusCode.BadRequest, (await h.Client().SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task A_past_certificate_is_recorded_on_the_certification_page_and_listed_by_the_api()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var url = $"/orgs/{w.A.Org}/certification";
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={w.Alice}");
        var get = await browser.GetAsync(url);
        var token = AntiforgeryField().Match(await get.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookie = get.Headers.GetValues("Set-Cookie").First(x => x.StartsWith("jikimi_af=", StringComparison.Ordinal)).Split(';')[0];
        var post = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Past")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = token, ["scheme"] = "k-isms", ["number"] = "KISA-ISMS-2015-017", ["issuedOn"] = "2015-03-02", ["expiresOn"] = "2018-03-01", ["scope"] = "본사 IDC 및 쇼핑몰",
            }),
        };
        post.Headers.Add("Cookie", $"jikimi_session={w.Alice}; {cookie}");
        var r = await h.Client().SendAsync(post);
        Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.OK, r.StatusCode.ToString());

        var page = WebUtility.HtmlDecode(await (await browser.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Contains("KISA-ISMS-2015-017", page, StringComparison.Ordinal);
        Assert.Contains("2015-03-02 – 2018-03-01", page, StringComparison.Ordinal);

        var list = await HttpAssert.Json(await h.Client(w.Alice).GetAsync($"/api/v1/orgs/{w.A.Org}/past-certificates"), HttpStatusCode.OK);
        Assert.Equal("k-isms", list[0].GetProperty("scheme").GetString());
        var again = await HttpAssert.Json(await h.Client(w.Alice).PostAsync($"/api/v1/orgs/{w.A.Org}/past-certificates",
            new StringContent("""{"scheme":"k-isms","number":"KISA-ISMS-2015-017","issuedOn":"2015-03-02","expiresOn":"2018-03-01","scope":"x"}""", Encoding.UTF8, "application/json")), HttpStatusCode.Conflict);
        Assert.Equal("past_certificate.exists", again.GetProperty("code").GetString());
        var empty = await HttpAssert.Json(await h.Client(w.Alice).GetAsync($"/api/v1/orgs/{w.B.Org}/past-certificates"), HttpStatusCode.NotFound);
        Assert.Equal("organization.not_found", empty.GetProperty("code").GetString());
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
