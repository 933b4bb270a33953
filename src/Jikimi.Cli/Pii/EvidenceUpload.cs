using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;

namespace Jikimi.Cli.Pii;

/// <summary>Where `pii scan --upload-to` sends the evidence; checked before the scan starts.</summary>
public sealed record UploadTarget(Uri BaseUrl, Guid Org, string? Control, string Token, Guid? Assessment)
{
    public const string TokenVariable = ApiOptions.TokenVariable;

    /// <summary>Null without --upload-to; a usage error when the other options are missing or malformed.</summary>
    public static UploadTarget? Parse(string? url, string? org, string? control, string? token, string? assessment)
    {
        if (url is null)
        {
            if (org is not null || control is not null || token is not null || assessment is not null)
            {
                throw new CliUsageException("--org, --control, --token and --assessment go with --upload-to");
            }

            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException("--upload-to must be the server's http(s) address, e.g. https://jikimi.example.kr");
        }

        if (org is null)
        {
            throw new CliUsageException("--upload-to needs --org <orgId> (and optionally --control <controlId> to link one more control)");
        }

        if (!Guid.TryParse(org, out var orgId))
        {
            throw new CliUsageException("--org must be an organization id (a GUID)");
        }

        Guid? assessmentId = null;
        if (assessment is not null)
        {
            assessmentId = Guid.TryParse(assessment, out var a) ? a : throw new CliUsageException("--assessment must be an assessment id (a GUID)");
        }

        token ??= Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliUsageException($"--upload-to needs an API token: --token <token> or {TokenVariable}");
        }

        if (control is not null && (string.IsNullOrWhiteSpace(control) || control.Contains(':', StringComparison.Ordinal) || control.Contains('/', StringComparison.Ordinal) || control.Contains('&', StringComparison.Ordinal)))
        {
            throw new CliUsageException("--control must be a control id, e.g. 3.1.3");
        }

        // A trailing slash so that a server under a path prefix keeps it when the API paths are appended.
        var withSlash = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new UploadTarget(withSlash, orgId, control?.Trim(), token.Trim(), assessmentId);
    }

    /// <summary>Never the token.</summary>
    public override string ToString() => $"{BaseUrl} org {Org}" + (Control is null ? string.Empty : $" control {Control}");
}

/// <summary>
/// Records a scan summary as an automated run of source <c>pii_scan</c> through the REST API (docs/api.md,
/// ADR 0055): resolves the assessment (the newest year unless given), then posts the file as multipart to
/// …/automated-runs?source=pii_scan. The server maps the findings to check items and keeps the file as the run's
/// evidence version. The token is sent, never printed.
/// </summary>
public static class EvidenceUpload
{
    public static async Task<int> RunAsync(UploadTarget target, byte[] file, string fileName, CliContext ctx, Language lang, CancellationToken ct)
    {
        using var api = new ApiConnection(target.BaseUrl, target.Org, target.Token);
        try
        {
            var query = "source=pii_scan" + (target.Control is null ? string.Empty : "&control=" + Uri.EscapeDataString(target.Control));
            var (exit, body) = await api.PostRunAsync(target.Assessment, query, file, fileName, ctx, lang, ct);
            if (exit is { } failed)
            {
                return failed;
            }

            var run = body.GetProperty("run");
            var id = run.GetProperty("evidenceId").GetString();
            var controls = string.Join(", ", body.GetProperty("controlsLinked").EnumerateArray().Select(c => c.GetString()));
            await ctx.Err.WriteLineAsync(lang.T($"실행 {run.GetProperty("id").GetString()}을(를) 기록했습니다 (통제 {controls}, 제안 {body.GetProperty("suggestions").GetInt32()}건).", $"recorded run {run.GetProperty("id").GetString()} (controls {controls}, {body.GetProperty("suggestions").GetInt32()} suggestions)."));
            await ctx.Err.WriteLineAsync(target.Control is null
                ? lang.T($"증거 {id}를 올렸습니다.", $"uploaded evidence {id}")
                : lang.T($"증거 {id}를 통제 {target.Control}에 올렸습니다.", $"uploaded evidence {id} to control {target.Control}"));
            return ExitCodes.Ok;
        }
        catch (HttpRequestException ex)
        {
            await ctx.Err.WriteLineAsync(lang.T(
                $"업로드 실패: {target.BaseUrl}에 연결할 수 없습니다 ({ex.HttpRequestError}: {ex.Message})",
                $"upload failed: could not reach {target.BaseUrl} ({ex.HttpRequestError}: {ex.Message})"));
            return ExitCodes.Failed;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            await ctx.Err.WriteLineAsync(lang.T($"업로드 실패: {target.BaseUrl} 응답 시간 초과", $"upload failed: {target.BaseUrl} did not answer in time"));
            return ExitCodes.Failed;
        }
        catch (JsonException)
        {
            await ctx.Err.WriteLineAsync(lang.T($"업로드 실패: {target.BaseUrl}의 응답이 Jikimi API가 아닙니다.", $"upload failed: {target.BaseUrl} did not answer like the Jikimi API."));
            return ExitCodes.Failed;
        }
    }
}
