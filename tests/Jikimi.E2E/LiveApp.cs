using System.Text.RegularExpressions;
using Jikimi.TestSupport.Data;
using Jikimi.Web;
using Microsoft.AspNetCore.Builder;

namespace Jikimi.E2E;

/// <summary>`jikimi serve`'s host on a real loopback port over a real, fresh database.</summary>
public sealed partial class LiveApp : IAsyncDisposable
{
    private LiveApp(TestDatabase database, WebApplication app, string setupToken)
    {
        Database = database;
        App = app;
        SetupToken = setupToken;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public TestDatabase Database { get; }
    public WebApplication App { get; }
    public string SetupToken { get; }
    public string BaseUrl { get; }

    public string Url(string path) => BaseUrl + path;

    public static async Task<LiveApp> StartAsync(string provider, IDictionary<string, string>? settings = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var token = string.Empty;
        var args = new List<string>
        {
            $"--Database:Provider={provider}",
            $"--ConnectionStrings:Default={db.ConnectionString}",
            "--RateLimit:AuthPerMinute=10000",
            "--urls=http://127.0.0.1:0",
        };
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(kv => $"--{kv.Key}={kv.Value}"));
        var options = new JikimiHostOptions
        {
            Args = [.. args],
            DataDirectory = db.DataDirectory,
            Announce = text => token = SetupTokenPattern().Match(text).Value,
        };
        var app = HostSetup.Build(options);
        await HostSetup.InitializeAsync(app, options);
        await app.StartAsync();
        return new LiveApp(db, app, token);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    [GeneratedRegex("setup-[0-9a-f]+")]
    private static partial Regex SetupTokenPattern();
}
