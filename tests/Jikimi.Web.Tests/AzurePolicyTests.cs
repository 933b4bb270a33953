using System.Net;
using System.Text;
using Jikimi.TestSupport;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

/// <summary>Issue 18 item 5: the K ISMS P 2023 initiative's compliance states through the automated-runs API (?source=azure_policy).</summary>
public sealed class AzurePolicyTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static ByteArrayContent States() => new(File.ReadAllBytes(RepoPaths.TestData("azure-policy", "az-policy-states.json")));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_api_records_the_states_and_refuses_a_file_that_maps_to_nothing_with_the_counts(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var c = h.Client(w.Alice);
        var url = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}/automated-runs?source=azure_policy";
        var created = await HttpAssert.Json(await c.PostAsync(url, States()), HttpStatusCode.Created);
        Assert.Equal("azure_policy", created.GetProperty("recorded").GetProperty("run").GetProperty("source").GetString());
        Assert.True(created.GetProperty("recorded").GetProperty("suggestions").GetInt32() > 0);
        var counts = created.GetProperty("counts");
        Assert.Equal((7, 5, 2), (counts.GetProperty("found").GetInt32(), counts.GetProperty("mapped").GetInt32(), counts.GetProperty("unmapped").GetInt32()));
        Assert.Contains("K_ISMS_P_2023_3.4.3", counts.GetProperty("unmappedBy").ToString(), StringComparison.Ordinal);

        var again = await HttpAssert.Json(await c.PostAsync(url, States()), HttpStatusCode.OK);
        Assert.True(again.GetProperty("recorded").GetProperty("alreadyRecorded").GetBoolean());

        var nothing = "[{\"complianceState\":\"NonCompliant\",\"policyDefinitionId\":\"/providers/microsoft.authorization/policydefinitions/x\",\"policyDefinitionGroupNames\":[\"K_ISMS_P_2023_2.0\"]}]";
        var refused = await HttpAssert.Json(await c.PostAsync(url, new ByteArrayContent(Encoding.UTF8.GetBytes(nothing))), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("azure_policy.nothing_mapped", refused.GetProperty("code").GetString());
        Assert.Equal(1, refused.GetProperty("counts").GetProperty("found").GetInt32());

        var bad = await HttpAssert.Json(await c.PostAsync(url, new ByteArrayContent("[{\"complianceState\":\"Maybe\"}]"u8.ToArray())), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("input.malformed", bad.GetProperty("code").GetString());
        Assert.Contains("$[0].complianceState", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Tenant isolation: A's administrator cannot import into B's assessment, through either organization's path.
        Assert.Equal(HttpStatusCode.NotFound, (await c.PostAsync($"/api/v1/orgs/{w.A.Org}/assessments/{w.B.Assessment}/automated-runs?source=azure_policy", States())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PostAsync($"/api/v1/orgs/{w.B.Org}/assessments/{w.B.Assessment}/automated-runs?source=azure_policy", States())).StatusCode);
    }

    [Fact]
    public async Task The_runs_page_uploads_the_states_and_shows_the_run()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var url = $"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/runs";
        var browser = h.Client();
        browser.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={w.Alice}");
        var get = await browser.GetAsync(url);
        var page = await get.Content.ReadAsStringAsync();
        Assert.Contains("<option value=\"azure_policy\">", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = get.Headers.GetValues("Set-Cookie").First(x => x.StartsWith("jikimi_af=", StringComparison.Ordinal)).Split(';')[0];
        var post = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Upload")
        {
            Content = new MultipartFormDataContent { { new StringContent(token), "__af" }, { new StringContent("azure_policy"), "kind" }, { States(), "files", "states.json" } },
        };
        post.Headers.Add("Cookie", $"jikimi_session={w.Alice}; {cookie}");
        var r = await h.Client().SendAsync(post);
        Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.OK, r.StatusCode.ToString());
        var list = await browser.GetAsync(url + "?source=azure_policy");
        Assert.Contains("azure 3f2b6c1e-7a41-4d5e-9c0a-2b8e61d4f7a9", System.Net.WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
