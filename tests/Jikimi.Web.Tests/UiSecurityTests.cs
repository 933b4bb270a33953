using System.Net;
using System.Text.RegularExpressions;
using Jikimi.TestSupport.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Web.Tests;

/// <summary>The web UI's defences over HTTP: tenant isolation of every page, antiforgery, cookies and headers.</summary>
public sealed partial class UiSecurityTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    /// <summary>A browser-like client carrying a session cookie (the same server-side sessions as bearer tokens).</summary>
    private static HttpClient Browser(WebHarness h, string session)
    {
        var c = h.Client();
        c.DefaultRequestHeaders.Add("Cookie", $"jikimi_session={session}");
        return c;
    }

    internal static List<string> OrgPageRoutes(WebHarness h) =>
        h.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.RawText!.Contains("{orgId:guid}", StringComparison.Ordinal))
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .ToList();

    /// <summary>The page's address with one organization's ids; every route parameter of every page must be filled here.</summary>
    internal static string Url(string pattern, OrgIds ids, Risk.RiskIds? risk = null) => "/" + (risk?.Fill(pattern) ?? pattern).TrimStart('/')
        .Replace("{orgId:guid}", ids.Org.ToString(), StringComparison.Ordinal)
        .Replace("{auditId:guid}", ids.Audit.ToString(), StringComparison.Ordinal)
        .Replace("{findingId:guid}", ids.Finding.ToString(), StringComparison.Ordinal)
        .Replace("{certificateId:guid}", ids.Certificate.ToString(), StringComparison.Ordinal)
        .Replace("{assessmentId:guid}", ids.Assessment.ToString(), StringComparison.Ordinal)
        .Replace("{evidenceId:guid}", ids.Evidence.ToString(), StringComparison.Ordinal)
        .Replace("{runId:guid}", ids.Run.ToString(), StringComparison.Ordinal)
        .Replace("{controlId}", "2.2.4", StringComparison.Ordinal);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Every_organization_page_is_404_for_another_organizations_ids(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var world = await World.CreateAsync(h);
        var alice = Browser(h, world.Alice);
        var aRisk = await Risk.RiskIds.CreateAsync(h.Client(world.Root), world.A.Org);
        var bRisk = await Risk.RiskIds.CreateAsync(h.Client(world.Root), world.B.Org);
        var routes = OrgPageRoutes(h);
        Assert.True(routes.Count >= 19, "the organization pages are found: " + string.Join(", ", routes));
        foreach (var route in routes)
        {
            Assert.DoesNotContain("{", Url(route, world.A, aRisk), StringComparison.Ordinal);
            var own = await alice.GetAsync(Url(route, world.A, aRisk));
            Assert.True(own.StatusCode == HttpStatusCode.OK, $"{route} with A's ids: {(int)own.StatusCode}");
            var other = await alice.GetAsync(Url(route, world.B, bRisk));
            Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{route} with B's ids: {(int)other.StatusCode}");
            Assert.DoesNotContain("나 주식회사", await other.Content.ReadAsStringAsync());

            // A's organization with B's entity ids (where the page names an entity).
            if (route.Count(ch => ch == '{') > 1)
            {
                var mixed = Url(route, world.B, bRisk).Replace(world.B.Org.ToString(), world.A.Org.ToString(), StringComparison.Ordinal);
                var crossed = await alice.GetAsync(mixed);
                Assert.True(crossed.StatusCode == HttpStatusCode.NotFound, $"{route} in A with B's ids: {(int)crossed.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Audit_page_links_the_findings_report_and_its_handler_serves_only_the_own_audit(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var world = await World.CreateAsync(h);
        var alice = Browser(h, world.Alice);
        var page = await (await alice.GetAsync($"/orgs/{world.A.Org}/audits/{world.A.Audit}")).Content.ReadAsStringAsync();
        Assert.Contains("download-findings-pdf", page, StringComparison.Ordinal);
        var pdf = await alice.GetAsync($"/orgs/{world.A.Org}/audits/{world.A.Audit}?handler=FindingsReport&format=pdf&lang=ko");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var html = await alice.GetAsync($"/orgs/{world.A.Org}/audits/{world.A.Audit}?handler=FindingsReport&format=html&lang=ko");
        Assert.Contains("결함보고서", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/orgs/{world.A.Org}/audits/{world.B.Audit}?handler=FindingsReport&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/orgs/{world.B.Org}/audits/{world.B.Audit}?handler=FindingsReport&format=pdf")).StatusCode);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_form_post_without_the_antiforgery_token_is_refused_and_changes_nothing(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var world = await World.CreateAsync(h);
        var alice = Browser(h, world.Alice);
        var post = await alice.PostAsync($"/orgs/{world.A.Org}/scope?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "site", ["name"] = "CSRF 센터" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var page = await (await alice.GetAsync($"/orgs/{world.A.Org}/scope")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("CSRF 센터", page);

        // With the token from the page (and its cookie) the same post works: the check is real, not a blanket refusal.
        var get = await alice.GetAsync($"/orgs/{world.A.Org}/scope");
        var html = await get.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var cookie = get.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("jikimi_af=", StringComparison.Ordinal)).Split(';')[0];
        var withToken = new HttpRequestMessage(HttpMethod.Post, $"/orgs/{world.A.Org}/scope?handler=Add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "site", ["name"] = "정상 센터", ["__af"] = token }),
        };
        withToken.Headers.Add("Cookie", $"jikimi_session={world.Alice}; {cookie}");
        var ok = await h.Client().SendAsync(withToken);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("정상 센터", await (await alice.GetAsync($"/orgs/{world.A.Org}/scope")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_send_strict_headers_and_cookies_are_http_only_and_secure_behind_https()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var login = await h.Client().GetAsync("/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var csp = login.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(login.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain http");
        var html = await login.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>|<script [^>]*>[^<]+</script>| style=\"| on[a-z]+=\"", html);

        // Behind a TLS-terminating proxy on the same host (X-Forwarded-Proto from loopback is trusted).
        var https = new HttpRequestMessage(HttpMethod.Get, "/login");
        https.Headers.Add("X-Forwarded-Proto", "https");
        var secure = await h.Client().SendAsync(https);
        Assert.Contains("max-age=", secure.Headers.GetValues("Strict-Transport-Security").Single());
        var af = secure.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("jikimi_af=", StringComparison.Ordinal));
        Assert.Contains("secure", af, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", af, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", af, StringComparison.OrdinalIgnoreCase);

        // Unauthenticated pages redirect to sign-in; the API still answers 401 problems, never a redirect.
        var home = await h.Client().GetAsync("/orgs/" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/login?returnUrl=", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await h.Client().GetAsync("/api/v1/orgs")).StatusCode);
        // A session cookie does not open the API (no cookie-driven API calls, so no CSRF on the API).
        var token = await h.AdminAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser(h, token).GetAsync("/api/v1/orgs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser(h, token).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_a_host_only_secure_cookie_named_with_the_host_prefix()
    {
        await using var h = await WebHarness.StartAsync(TestDatabase.Sqlite);
        var token = await h.AdminAsync();
        HttpRequestMessage Https(HttpMethod method, string url, string cookie)
        {
            var m = new HttpRequestMessage(method, url);
            m.Headers.Add("X-Forwarded-Proto", "https");
            if (cookie.Length > 0)
            {
                m.Headers.Add("Cookie", cookie);
            }

            return m;
        }

        // Sign in through the page behind a TLS-terminating proxy.
        var form = await h.Client().SendAsync(Https(HttpMethod.Get, "/login", string.Empty));
        var af = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("jikimi_af=", StringComparison.Ordinal)).Split(';')[0];
        var post = Https(HttpMethod.Post, "/login", af);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ciso@a.kr", ["Password"] = "Strong-pass-2026", ["__af"] = AntiforgeryField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value,
        });
        var signedIn = await h.Client().SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("jikimi_session=", StringComparison.Ordinal));
        Assert.StartsWith("__Host-jikimi_session=", session, StringComparison.Ordinal);
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);

        // Over https only the prefixed name opens a page; over plain http only the bare name does.
        var secret = session.Split(';')[0]["__Host-jikimi_session=".Length..];
        Assert.Equal(HttpStatusCode.OK, (await h.Client().SendAsync(Https(HttpMethod.Get, "/", $"__Host-jikimi_session={secret}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await h.Client().SendAsync(Https(HttpMethod.Get, "/", $"jikimi_session={token}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser(h, token).GetAsync("/")).StatusCode);
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
