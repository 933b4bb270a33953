using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jikimi.TestSupport.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Web.Tests;

/// <summary>The real application (every middleware and endpoint) on a test server or a loopback port, over a real database.</summary>
public sealed class WebHarness : IAsyncDisposable
{
    private readonly bool _ownsDatabase = true;

    private WebHarness(TestDatabase database, WebApplication app, string setupToken, bool ownsDatabase = true)
    {
        Database = database;
        App = app;
        SetupToken = setupToken;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }
    public WebApplication App { get; }
    public string SetupToken { get; }
    public Uri? BaseAddress { get; private set; }

    public static async Task<WebHarness> StartAsync(string provider, IDictionary<string, string>? settings = null, bool realPort = false, TimeProvider? clock = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(provider), settings, realPort, ownsDatabase: true, clock);

    /// <summary>Another application node on this one's database (own process state, own caches).</summary>
    public Task<WebHarness> SecondNodeAsync(TimeProvider? clock = null, IDictionary<string, string>? settings = null) => StartOnAsync(Database, settings, realPort: false, ownsDatabase: false, clock);

    private static async Task<WebHarness> StartOnAsync(TestDatabase db, IDictionary<string, string>? settings, bool realPort, bool ownsDatabase, TimeProvider? clock = null)
    {
        var provider = db.Provider;
        var token = string.Empty;
        var args = new List<string>
        {
            $"--Database:Provider={provider}",
            $"--ConnectionStrings:Default={db.ConnectionString}",
            "--RateLimit:AuthPerMinute=10000",
            realPort ? "--urls=http://127.0.0.1:0" : "--urls=http://localhost",
        };
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(kv => $"--{kv.Key}={kv.Value}"));
        var options = new JikimiHostOptions
        {
            Args = [.. args],
            DataDirectory = db.DataDirectory,
            Announce = text => token = System.Text.RegularExpressions.Regex.Match(text, "setup-[0-9a-f]+").Value,
        };
        var app = HostSetup.Build(options, b =>
        {
            if (!realPort)
            {
                b.WebHost.UseTestServer();
            }

            if (clock is not null)
            {
                b.Services.AddSingleton(clock);
            }
        });
        await HostSetup.InitializeAsync(app, options);
        await app.StartAsync();
        var harness = new WebHarness(db, app, token, ownsDatabase);
        if (realPort)
        {
            harness.BaseAddress = new Uri(app.Urls.First());
        }

        return harness;
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = BaseAddress is null ? App.GetTestClient() : new HttpClient { BaseAddress = BaseAddress };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Setup → sign in: returns the first administrator's session token.</summary>
    public async Task<string> AdminAsync(string email = "ciso@a.kr")
    {
        var setup = await Client().PostAsJsonAsync("/api/v1/setup", new { setupToken = SetupToken, email, displayName = "김보안", password = "Strong-pass-2026" });
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        return await LoginAsync(email, "Strong-pass-2026");
    }

    public async Task<string> LoginAsync(string email, string password)
    {
        var r = await Client().PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

public static class HttpAssert
{
    public static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task Problem(HttpResponseMessage r, HttpStatusCode expected, string code)
    {
        var body = await Json(r, expected);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }
}
