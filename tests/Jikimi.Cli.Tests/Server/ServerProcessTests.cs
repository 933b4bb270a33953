using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jikimi.TestSupport;
using Microsoft.Data.Sqlite;

namespace Jikimi.Cli.Tests.Server;

/// <summary>The real `jikimi` executable: serve, kill -9 after a 201, start again; verify the audit trail.</summary>
public sealed partial class ServerProcessTests : IDisposable
{
    private readonly TempDir _data = new();

    public void Dispose() => _data.Dispose();

    private static string JikimiDll => Path.Combine(AppContext.BaseDirectory, "jikimi.dll");

    private sealed class Server : IAsyncDisposable
    {
        public required Process Process { get; init; }
        public required Uri Url { get; init; }
        public string? SetupToken { get; set; }

        public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }

            Process.Dispose();
        }
    }

    private async Task<Server> StartAsync()
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", [JikimiDll, "serve", "--data-dir", _data.Path, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(psi)!;
        var server = new Server { Process = process, Url = new Uri($"http://127.0.0.1:{port}") };
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            server.Output.Enqueue(e.Data);

            if (SetupTokenPattern().Match(e.Data) is { Success: true } m)
            {
                server.SetupToken = m.Value;
            }

            if (e.Data.Contains("is listening on", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                server.Output.Enqueue("err: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var done = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(done == ready.Task, "server did not start:\n" + string.Join("\n", server.Output));
        using var probe = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
                // A first answer slower than the probe's 2 s timeout (a loaded machine): ask again until the deadline.
            }
            catch (HttpRequestException ex)
            {
                throw new Xunit.Sdk.XunitException($"server at {server.Url} never answered ({ex.Message}); exited={process.HasExited}\n" + string.Join("\n", server.Output));
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Acknowledged_upload_survives_a_crash_and_the_audit_trail_verifies()
    {
        var content = "운영명세서 증적 — 2026"u8.ToArray();
        Guid org, evidence;
        await using (var first = await StartAsync())
        {
            Assert.NotNull(first.SetupToken);
            using var http = new HttpClient { BaseAddress = first.Url };
            var setup = await http.PostAsJsonAsync("/api/v1/setup", new { setupToken = first.SetupToken, email = "ciso@a.kr", displayName = "김보안", password = "Strong-pass-2026" });
            await Ok(setup);
            var login = await Ok(await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026" }));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
            org = (await Ok(await http.PostAsJsonAsync("/api/v1/orgs", new { name = "내구성 검증" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "evidence.txt" } };
            evidence = (await Ok(await http.PostAsync($"/api/v1/orgs/{org}/evidence", form), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            first.Process.Kill(entireProcessTree: true); // no graceful shutdown
            await first.Process.WaitForExitAsync();
        }

        await using (var second = await StartAsync())
        {
            Assert.Null(second.SetupToken); // set-up is done; no new token
            using var http = new HttpClient { BaseAddress = second.Url };
            var login = await Ok(await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "ciso@a.kr", password = "Strong-pass-2026" }));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
            var bytes = await http.GetByteArrayAsync($"/api/v1/orgs/{org}/evidence/{evidence}/download");
            Assert.Equal(content, bytes);
        }

        using var cli = new CliRunner();
        var verify = cli.Run("verify", "audit-trail", "--data-dir", _data.Path);
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("audit trail intact", verify.Out, StringComparison.Ordinal);

        await using (var conn = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "jikimi.db")}"))
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE AuditEvents SET Actor = 'someone else' WHERE Action = 'evidence.uploaded'";
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        var broken = cli.Run("verify", "audit-trail", "--data-dir", _data.Path);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"BROKEN chain {org}", broken.Out, StringComparison.Ordinal);
        Assert.Contains("hash mismatch", broken.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_without_a_database_fails_cleanly()
    {
        using var cli = new CliRunner();
        var r = cli.Run("verify", "audit-trail", "--data-dir", _data.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no database", r.Err, StringComparison.Ordinal);
    }

    [GeneratedRegex("setup-[0-9a-f]{32}")]
    private static partial Regex SetupTokenPattern();
}
