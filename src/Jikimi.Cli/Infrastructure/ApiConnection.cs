using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;

namespace Jikimi.Cli.Infrastructure;

/// <summary>
/// --server, --org and --token for commands that work on a running Jikimi server's workspace through the REST API
/// (docs/api.md), the way `pii scan --upload-to` does: the server checks the token's role and the organization, so
/// the CLI never bypasses authorization or the audit trail. JIKIMI_SERVER and JIKIMI_TOKEN work too; the token is never printed.
/// </summary>
public sealed class ApiOptions
{
    public const string ServerVariable = "JIKIMI_SERVER";
    public const string TokenVariable = "JIKIMI_TOKEN";

    public Option<string> Server { get; } = new("--server") { Description = "The Jikimi server's address, e.g. https://jikimi.example.kr (or JIKIMI_SERVER)." };

    public Option<string> Org { get; } = new("--org") { Description = "Organization id (a GUID)." };

    public Option<string> Token { get; } = new("--token") { Description = "API token (or JIKIMI_TOKEN); never printed." };

    public IEnumerable<Option> All => [Server, Org, Token];

    public void AddTo(Command cmd)
    {
        foreach (var o in All)
        {
            cmd.Options.Add(o);
        }
    }

    public ApiConnection Connect(ParseResult p)
    {
        var server = p.GetValue(Server) ?? Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server) || !Uri.TryCreate(server, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"--server must be the server's http(s) address (or set {ServerVariable})");
        }

        if (!Guid.TryParse(p.GetValue(Org), out var org))
        {
            throw new CliUsageException("--org must be an organization id (a GUID)");
        }

        var token = p.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliUsageException($"an API token is needed: --token <token> or {TokenVariable}");
        }

        var withSlash = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        return new ApiConnection(withSlash, org, token.Trim());
    }
}

/// <summary>An HTTP client for one organization's API; failures become a printed problem (code and detail) and exit 1.</summary>
public sealed class ApiConnection(Uri baseUrl, Guid org, string token) : IDisposable
{
    private readonly HttpClient _http = Create(baseUrl, token);

    public Uri BaseUrl => baseUrl;

    public string OrgPath => $"api/v1/orgs/{org}";

    private static HttpClient Create(Uri baseUrl, string token)
    {
        var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) => _http.SendAsync(request, ct);

    public Task<HttpResponseMessage> GetAsync(string path, CancellationToken ct) => _http.GetAsync(path, ct);

    /// <summary>Prints "HTTP status code: detail" (and row errors of an import) to stderr.</summary>
    public static async Task<int> FailAsync(HttpResponseMessage r, CliContext ctx, Language lang, CancellationToken ct)
    {
        var body = await r.Content.ReadAsStringAsync(ct);
        string? code = null, detail = null;
        var rows = new List<string>();
        try
        {
            var p = JsonDocument.Parse(body).RootElement;
            code = p.TryGetProperty("code", out var c) ? c.GetString() : null;
            detail = p.TryGetProperty("detail", out var d) ? d.GetString() : p.TryGetProperty("title", out var t) ? t.GetString() : null;
            if (p.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in errors.EnumerateArray())
                {
                    var column = e.TryGetProperty("column", out var col) && col.ValueKind == JsonValueKind.String ? $" [{col.GetString()}]" : string.Empty;
                    rows.Add($"  {lang.T("행", "row")} {e.GetProperty("row").GetInt32()}{column} {e.GetProperty("code").GetString()}: {e.GetProperty("message").GetString()}");
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            // Not problem details (a proxy's page, say): the status line says enough.
        }

        await ctx.Err.WriteLineAsync(lang.T("실패: ", "failed: ") + $"HTTP {(int)r.StatusCode} {r.ReasonPhrase}" + (code is null ? string.Empty : $" {code}") + (detail is null ? string.Empty : $": {detail}"));
        foreach (var line in rows)
        {
            await ctx.Err.WriteLineAsync(line);
        }

        return ExitCodes.Failed;
    }

    /// <summary>Runs the call; an unreachable server or a non-API answer is exit 1 with a one-line reason.</summary>
    public async Task<int> RunAsync(CliContext ctx, Language lang, Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (HttpRequestException ex)
        {
            await ctx.Err.WriteLineAsync(lang.T($"실패: {baseUrl}에 연결할 수 없습니다 ({ex.HttpRequestError})", $"failed: could not reach {baseUrl} ({ex.HttpRequestError})"));
            return ExitCodes.Failed;
        }
        catch (JsonException)
        {
            await ctx.Err.WriteLineAsync(lang.T($"실패: {baseUrl}의 응답이 Jikimi API가 아닙니다.", $"failed: {baseUrl} did not answer like the Jikimi API."));
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Records a run on an assessment (POST …/automated-runs?{query}, docs/api.md): the given assessment, or the newest
    /// year's. Returns the response body, or the exit code of a failure already printed.
    /// </summary>
    public async Task<(int? Exit, JsonElement Body)> PostRunAsync(Guid? assessment, string query, byte[] json, string fileName, CliContext ctx, Language lang, CancellationToken ct)
    {
        if (assessment is null)
        {
            using var list = await GetAsync($"{OrgPath}/assessments", ct);
            if (!list.IsSuccessStatusCode)
            {
                return (await FailAsync(list, ctx, lang, ct), default);
            }

            assessment = Newest(await list.Content.ReadAsStringAsync(ct));
            if (assessment is null)
            {
                await ctx.Err.WriteLineAsync(lang.T(
                    "업로드 실패: 이 조직에 심사(assessment)가 없습니다. 먼저 만들거나 --assessment를 지정하세요.",
                    "upload failed: the organization has no assessment; create one or pass --assessment."));
                return (ExitCodes.Failed, default);
            }
        }

        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(json);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{OrgPath}/assessments/{assessment}/automated-runs?{query}") { Content = form };
        using var posted = await SendAsync(request, ct);
        if (!posted.IsSuccessStatusCode)
        {
            return (await FailAsync(posted, ctx, lang, ct), default);
        }

        return (null, JsonDocument.Parse(await posted.Content.ReadAsStringAsync(ct)).RootElement.Clone());
    }

    /// <summary>The assessment with the highest year (AssessmentView: id, year, edition, …).</summary>
    internal static Guid? Newest(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(a => (Year: a.GetProperty("year").GetInt32(), Id: a.GetProperty("id").GetGuid()))
            .OrderByDescending(a => a.Year)
            .Select(a => (Guid?)a.Id)
            .FirstOrDefault();

    public void Dispose() => _http.Dispose();
}
