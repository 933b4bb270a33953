using System.Net;
using System.Text.RegularExpressions;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

/// <summary>What a Prowler file held (found / mapped / unmapped with reasons / manual / muted) reaches the API and the documents page, imported or refused.</summary>
public sealed partial class ProwlerReportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "Jikimi.Reports.Tests", "TestData", "prowler", name));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_api_reports_the_counts_and_refuses_a_file_that_maps_to_nothing(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var created = await HttpAssert.Json(await c.PostAsync($"/api/v1/orgs/{w.A.Org}/prowler", new ByteArrayContent(Fixture("kisa_isms_p_2023_aws.csv"))), HttpStatusCode.Created);
        var counts = created.GetProperty("counts");
        Assert.Equal((6, 3, 0, 2, 1), (counts.GetProperty("found").GetInt32(), counts.GetProperty("mapped").GetInt32(), counts.GetProperty("unmapped").GetInt32(), counts.GetProperty("manual").GetInt32(), counts.GetProperty("muted").GetInt32()));

        var refused = await c.PostAsync($"/api/v1/orgs/{w.A.Org}/prowler", new ByteArrayContent(Fixture("prowler-azure.ocsf.json")));
        var body = await HttpAssert.Json(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("prowler.nothing_mapped", body.GetProperty("code").GetString());
        var why = body.GetProperty("counts").GetProperty("unmappedBy")[0];
        Assert.Equal(("azure", "no-ismsp-in-file", 2), (why.GetProperty("provider").GetString(), why.GetProperty("reason").GetString(), why.GetProperty("findings").GetInt32()));
        var evidence = await HttpAssert.Json(await c.GetAsync($"/api/v1/orgs/{w.A.Org}/evidence"), HttpStatusCode.OK);
        Assert.DoesNotContain("azure", evidence.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_documents_page_shows_what_the_file_held_in_korean(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var url = $"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/documents";
        var refused = await PostFileAsync(h, w.Alice, url, Fixture("prowler-gcp.ocsf.json"), "prowler.ocsf.json");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("id=\"prowler-counts\"", refused.Html, StringComparison.Ordinal);
        Assert.Contains("ISMS-P(KISA-ISMS-P-2023) 매핑이 없습니다", refused.Html, StringComparison.Ordinal);
        Assert.Contains("gcp:", refused.Html, StringComparison.Ordinal);
        Assert.Contains("compute_instance_public_ip", refused.Html, StringComparison.Ordinal);

        var imported = await PostFileAsync(h, w.Alice, url, Fixture("kisa_isms_p_2023_aws.csv"), "kisa_isms_p_2023_aws.csv");
        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Contains("id=\"prowler-result\"", imported.Html, StringComparison.Ordinal);
        Assert.Matches("수동 점검 \\(MANUAL\\)</th><td>2<", imported.Html);
        Assert.Matches("음소거 \\(muted\\)</th><td>1<", imported.Html);
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostFileAsync(WebHarness h, string session, string url, byte[] file, string name)
    {
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={session}");
        var get = await browser.GetAsync(url);
        var token = AntiforgeryField().Match(await get.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookie = get.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("jikimi_af=", StringComparison.Ordinal)).Split(';')[0];
        var post = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Prowler")
        {
            Content = new MultipartFormDataContent { { new StringContent(token), "__af" }, { new ByteArrayContent(file), "file", name } },
        };
        post.Headers.Add("Cookie", $"jikimi_session={session}; {cookie}");
        var r = await h.Client().SendAsync(post);
        return (r.StatusCode, WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
