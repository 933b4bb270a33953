using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;

namespace Jikimi.Cli.Checks;

/// <summary>Where `checks run --upload-to` sends the run; checked before any file is read.</summary>
public sealed record RunUploadTarget(Uri BaseUrl, Guid Org, string Token, Guid? Assessment)
{
    /// <summary>Null without --upload-to; a usage error when the other options are missing or malformed.</summary>
    public static RunUploadTarget? Parse(string? url, string? org, string? token, string? assessment)
    {
        if (url is null)
        {
            if (org is not null || token is not null || assessment is not null)
            {
                throw new CliUsageException("--org, --token and --assessment go with --upload-to");
            }

            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException("--upload-to must be the server's http(s) address, e.g. https://jikimi.example.kr");
        }

        if (!Guid.TryParse(org, out var orgId))
        {
            throw new CliUsageException("--upload-to needs --org <orgId> (a GUID)");
        }

        Guid? assessmentId = null;
        if (assessment is not null)
        {
            assessmentId = Guid.TryParse(assessment, out var a) ? a : throw new CliUsageException("--assessment must be an assessment id (a GUID)");
        }

        token ??= Environment.GetEnvironmentVariable(ApiOptions.TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliUsageException($"--upload-to needs an API token: --token <token> or {ApiOptions.TokenVariable}");
        }

        var withSlash = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new RunUploadTarget(withSlash, orgId, token.Trim(), assessmentId);
    }

    /// <summary>Never the token.</summary>
    public override string ToString() => $"{BaseUrl} org {Org}";
}

/// <summary>
/// Records a `checks run` on an assessment through the REST API (POST …/automated-runs?source=checks, docs/api.md):
/// the same JSON as `--format json`, so the server checks the token's role and the organization and writes the
/// audit trail. The assessment is the newest year's unless given.
/// </summary>
public static class RunUpload
{
    public static async Task<int> RunAsync(RunUploadTarget target, byte[] json, string fileName, CliContext ctx, Language lang, CancellationToken ct)
    {
        using var api = new ApiConnection(target.BaseUrl, target.Org, target.Token);
        return await api.RunAsync(ctx, lang, async () =>
        {
            var (exit, body) = await api.PostRunAsync(target.Assessment, "source=checks", json, fileName, ctx, lang, ct);
            if (exit is { } failed)
            {
                return failed;
            }

            var run = body.GetProperty("run").GetProperty("id").GetString();
            var controls = body.GetProperty("controlsLinked").GetArrayLength();
            var suggestions = body.GetProperty("suggestions").GetInt32();
            await ctx.Err.WriteLineAsync(body.GetProperty("alreadyRecorded").GetBoolean()
                ? lang.T($"같은 결과가 이미 기록되어 있습니다: 실행 {run}", $"the same results are already recorded: run {run}")
                : lang.T($"실행 {run}을(를) 기록했습니다: 통제 {controls}개, 제안 {suggestions}건", $"recorded run {run}: {controls} controls, {suggestions} suggestions"));
            return ExitCodes.Ok;
        });
    }
}
