using System.Net;
using System.Net.Http.Json;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests;

public class CloudEndpointTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly object AzureIsms = new
    {
        kind = "isms", number = "ISMS-TEST-2024-017", issuer = "KISA", scopeRegions = "Korea Central, Korea South",
        issuedOn = "2024-01-29", expiresOn = "2027-01-28", controlsCovered = 80,
    };

    private static object AzureIsmsFor(string provider) => new
    {
        provider, kind = "isms", number = "ISMS-TEST-2024-017", issuedOn = "2024-01-29", expiresOn = "2027-01-28", controlsCovered = 80,
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Instance_providers_are_read_by_anyone_signed_in_and_written_by_instance_administrators_only(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice); // administers organization A, not the instance
        var root = h.Client(w.Root);

        var list = await HttpAssert.Json(await alice.GetAsync("/api/v1/cloud-providers"), HttpStatusCode.OK);
        Assert.Equal(["azure", "aws", "gcp", "ncloud", "nhncloud", "ktcloud"], list.EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.Client().GetAsync("/api/v1/cloud-providers")).StatusCode);

        await HttpAssert.Problem(await alice.PostAsJsonAsync("/api/v1/cloud-providers/azure/certificates", AzureIsms), HttpStatusCode.Forbidden, "access.system_administrator");
        await HttpAssert.Problem(await alice.PostAsJsonAsync("/api/v1/cloud-providers", new { key = "idc-x", nameKo = "엑스 IDC", nameEn = "X IDC" }), HttpStatusCode.Forbidden, "access.system_administrator");
        await HttpAssert.Json(await root.PostAsJsonAsync("/api/v1/cloud-providers/azure/certificates", AzureIsms), HttpStatusCode.Created);
        await HttpAssert.Json(await root.PostAsJsonAsync("/api/v1/cloud-providers", new { key = "idc-x", nameKo = "엑스 IDC", nameEn = "X IDC" }), HttpStatusCode.Created);
        await HttpAssert.Problem(await root.PostAsJsonAsync("/api/v1/cloud-providers/nope/certificates", AzureIsms), HttpStatusCode.UnprocessableEntity, "cloud.provider_unknown");
        await HttpAssert.Problem(await root.PostAsJsonAsync("/api/v1/cloud-providers/azure/certificates", new { kind = "isms", issuedOn = "2026-01-01", expiresOn = "2025-01-01" }), HttpStatusCode.UnprocessableEntity, "cloud.validity_reversed");
        await HttpAssert.Problem(await root.PostAsJsonAsync("/api/v1/cloud-providers/azure/certificates", AzureIsms), HttpStatusCode.Conflict, "cloud.validity_overlap");

        var after = await HttpAssert.Json(await alice.GetAsync("/api/v1/cloud-providers"), HttpStatusCode.OK);
        var azure = after.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "azure");
        Assert.Equal("ISMS-TEST-2024-017", Assert.Single(azure.GetProperty("certificates").EnumerateArray()).GetProperty("number").GetString());
        Assert.Contains(after.EnumerateArray(), p => p.GetProperty("key").GetString() == "idc-x");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_organization_declares_azure_and_sees_inherited_controls_and_its_own_record_stays_its_own(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        await HttpAssert.Json(await alice.PutAsJsonAsync($"/api/v1/orgs/{w.A.Org}/cloud/usages", new { usages = new[] { new { provider = "azure", serviceModel = "iaas" } } }), HttpStatusCode.OK);
        await HttpAssert.Json(await alice.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/cloud/certificates", AzureIsmsFor("azure")), HttpStatusCode.Created);
        await HttpAssert.Problem(await alice.PutAsJsonAsync($"/api/v1/orgs/{w.A.Org}/cloud/usages", new { usages = new[] { new { provider = "azur", serviceModel = "iaas" } } }), HttpStatusCode.UnprocessableEntity, "cloud.provider_unknown");

        var view = await HttpAssert.Json(await alice.GetAsync($"/api/v1/orgs/{w.A.Org}/cloud"), HttpStatusCode.OK);
        Assert.Equal(6, view.GetProperty("summary").GetProperty("inherited").GetInt32());
        Assert.Equal(0, view.GetProperty("summary").GetProperty("needsEvidence").GetInt32());
        Assert.Single(view.GetProperty("usages").EnumerateArray()); // the refused declaration changed nothing

        var b = await HttpAssert.Json(await h.Client(w.Root).GetAsync($"/api/v1/orgs/{w.B.Org}/cloud"), HttpStatusCode.OK);
        Assert.DoesNotContain(b.GetProperty("certificates").EnumerateArray(), c => c.GetProperty("number").ValueKind == System.Text.Json.JsonValueKind.String && c.GetProperty("number").GetString() == "ISMS-TEST-2024-017");
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/v1/orgs/{w.B.Org}/cloud")).StatusCode);
    }

    /// <summary>A client as a browser: the session in the cookie (pages do not take bearer tokens).</summary>
    private static HttpClient Browser(WebHarness h, string session)
    {
        var c = h.Client();
        c.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={session}");
        return c;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cloud_pages_admin_page_for_instance_administrators_and_the_organizations_split(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var root = h.Client(w.Root);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser(h, w.Alice).GetAsync("/admin/cloud-providers")).StatusCode);
        await HttpAssert.Json(await root.PostAsJsonAsync("/api/v1/cloud-providers/azure/certificates", AzureIsms), HttpStatusCode.Created);
        var admin = await Browser(h, w.Root).GetAsync("/admin/cloud-providers");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("ISMS-TEST-2024-017", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Before any usage the organization's page says every control is its own; after declaring Azure IaaS it shows the split.
        Assert.Contains("id=\"no-usage\"", await (await Browser(h, w.Alice).GetAsync($"/orgs/{w.A.Org}/cloud")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await HttpAssert.Json(await alice.PutAsJsonAsync($"/api/v1/orgs/{w.A.Org}/cloud/usages", new { usages = new[] { new { provider = "azure", serviceModel = "iaas" } } }), HttpStatusCode.OK);
        var page = await (await Browser(h, w.Alice).GetAsync($"/orgs/{w.A.Org}/cloud")).Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"stat\" id=\"count-inherited\">6</div>", page, StringComparison.Ordinal);
        Assert.Contains("ISMS-TEST-2024-017", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser(h, w.Alice).GetAsync($"/orgs/{w.B.Org}/cloud")).StatusCode);
    }

    [Fact]
    public async Task The_catalog_page_shows_the_iso_controls_mapped_to_a_control_with_relation_and_rationale()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var html = System.Net.WebUtility.HtmlDecode(await (await Browser(h, w.Alice).GetAsync("/catalog/isms-p-2023/2.5.1")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"iso-mapping\"", html, StringComparison.Ordinal);
        Assert.Contains("5.15", html, StringComparison.Ordinal);
        Assert.Contains("접근통제 정책은 계정 관리의 틀이 된다.", html, StringComparison.Ordinal);
        Assert.Contains("교차", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Iso_coverage_shows_which_iso_controls_linked_evidence_reaches_and_what_isms_p_asks_beyond(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var url = $"/api/v1/orgs/{w.A.Org}/assessments/{w.A.Assessment}/iso-coverage";
        static System.Text.Json.JsonElement Row(System.Text.Json.JsonElement view, string id) =>
            view.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);

        var before = await HttpAssert.Json(await alice.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(93, before.GetProperty("total").GetInt32());
        Assert.False(Row(before, "5.15").GetProperty("covered").GetBoolean());
        Assert.Contains("3.2.2", before.GetProperty("beyondIso").EnumerateArray().Select(x => x.GetString()));
        Assert.DoesNotContain("2.5.1", before.GetProperty("beyondIso").EnumerateArray().Select(x => x.GetString()));

        // Evidence linked once to ISMS-P 2.5.1 shows on ISO 5.15, which maps to it.
        await HttpAssert.Json(await alice.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/evidence/{w.A.Evidence}/links", new { assessmentId = w.A.Assessment, controlId = "2.5.1" }), HttpStatusCode.Created);
        var after = await HttpAssert.Json(await alice.GetAsync(url), HttpStatusCode.OK);
        var row = Row(after, "5.15");
        Assert.True(row.GetProperty("covered").GetBoolean());
        var mapped = row.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("controlId").GetString() == "2.5.1");
        Assert.Equal(("intersects", 1), (mapped.GetProperty("relation").GetString(), mapped.GetProperty("evidence").GetInt32()));
        Assert.True(after.GetProperty("covered").GetInt32() > before.GetProperty("covered").GetInt32());

        var cloudIso = await HttpAssert.Json(await alice.GetAsync(url + "?framework=iso27017-2015"), HttpStatusCode.OK);
        Assert.Equal("iso27017-2015", cloudIso.GetProperty("framework").GetString());
        await HttpAssert.Problem(await alice.GetAsync(url + "?framework=iso9001"), HttpStatusCode.UnprocessableEntity, "validation.framework");
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/v1/orgs/{w.B.Org}/assessments/{w.B.Assessment}/iso-coverage")).StatusCode);
    }

    [Fact]
    public async Task The_iso_coverage_page_shows_covered_iso_controls_and_what_isms_p_asks_beyond()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        await HttpAssert.Json(await alice.PostAsJsonAsync($"/api/v1/orgs/{w.A.Org}/evidence/{w.A.Evidence}/links", new { assessmentId = w.A.Assessment, controlId = "2.5.1" }), HttpStatusCode.Created);
        var url = $"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/iso-coverage";
        var html = System.Net.WebUtility.HtmlDecode(await (await Browser(h, w.Alice).GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Contains("<tr data-iso=\"5.15\" class=\"covered\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-iso=\"5.1\" class=\"uncovered\">", html, StringComparison.Ordinal);
        Assert.Contains("/controls/3.2.2\">3.2.2</a></li>", html, StringComparison.Ordinal); // beyond ISO: the privacy lifecycle
        Assert.Contains("ISO 인증 대응 현황", html, StringComparison.Ordinal);
        var cloud = System.Net.WebUtility.HtmlDecode(await (await Browser(h, w.Alice).GetAsync(url + "?framework=iso27017-2015")).Content.ReadAsStringAsync());
        Assert.Contains("<option value=\"iso27017-2015\" selected=\"selected\">", cloud, StringComparison.Ordinal);
        Assert.Contains("id=\"iso-coverage-link\"", await (await Browser(h, w.Alice).GetAsync($"/orgs/{w.A.Org}/assessments/{w.A.Assessment}/controls")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser(h, w.Alice).GetAsync($"/orgs/{w.B.Org}/assessments/{w.B.Assessment}/iso-coverage")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_names_an_expiring_provider_by_its_display_name()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite, clock: clock);
        var w = await World.CreateAsync(h);
        await HttpAssert.Json(await h.Client(w.Root).PostAsJsonAsync("/api/v1/cloud-providers/azure/certificates", AzureIsms), HttpStatusCode.Created);
        await HttpAssert.Json(await h.Client(w.Alice).PutAsJsonAsync($"/api/v1/orgs/{w.A.Org}/cloud/usages", new { usages = new[] { new { provider = "azure", serviceModel = "iaas" } } }), HttpStatusCode.OK);
        var page = System.Net.WebUtility.HtmlDecode(await (await Browser(h, w.Alice).GetAsync($"/orgs/{w.A.Org}")).Content.ReadAsStringAsync());
        Assert.Contains("id=\"cloud-expiring\">Microsoft Azure ISMS 인증(ISMS-TEST-2024-017)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cloud_page_records_the_organizations_own_copy_of_a_certificate_with_the_antiforgery_field()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var w = await World.CreateAsync(h);
        var url = $"/orgs/{w.A.Org}/cloud";
        var browser = Browser(h, w.Alice);
        var get = await browser.GetAsync(url);
        var page = await get.Content.ReadAsStringAsync();
        Assert.Contains("id=\"own-certificate\"", page, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = get.Headers.GetValues("Set-Cookie").First(x => x.StartsWith("jikimi_af=", StringComparison.Ordinal)).Split(';')[0];
        HttpRequestMessage Post(bool withToken) => new(HttpMethod.Post, url + "?handler=Certificate")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__af"] = withToken ? token : string.Empty, ["provider"] = "azure", ["kind"] = "isms", ["number"] = "ISMS-OWN-2025-001",
                ["issuedOn"] = "2025-02-01", ["expiresOn"] = "2028-01-31", ["controlsCovered"] = "80",
            }),
            Headers = { { "Cookie", $"jikimi_session={w.Alice}; {cookie}" } },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await h.Client().SendAsync(Post(withToken: false))).StatusCode);
        var r = await h.Client().SendAsync(Post(withToken: true));
        Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.OK, r.StatusCode.ToString());
        var certs = await HttpAssert.Json(await h.Client(w.Alice).GetAsync($"/api/v1/orgs/{w.A.Org}/cloud"), HttpStatusCode.OK);
        Assert.Contains("ISMS-OWN-2025-001", certs.ToString(), StringComparison.Ordinal);
        var other = await HttpAssert.Json(await h.Client(w.Root).GetAsync($"/api/v1/orgs/{w.B.Org}/cloud"), HttpStatusCode.OK);
        Assert.DoesNotContain("ISMS-OWN-2025-001", other.ToString(), StringComparison.Ordinal); // the organization's own copy only
    }
}
