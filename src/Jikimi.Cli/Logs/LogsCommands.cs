using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;

namespace Jikimi.Cli.Logs;

/// <summary>
/// `jikimi logs ingest|verify|purge`: access records (접속기록) of one processing system on a Jikimi server, through
/// the REST API (…/processing-systems/{id}/records, docs/api.md), so the token's role and organization decide.
/// </summary>
public static class LogsCommands
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var logs = new Command("logs", "Access records (접속기록) of a processing system: send, verify the hash chain, purge past retention.");
        logs.Subcommands.Add(Ingest(ctx, common));
        logs.Subcommands.Add(Call(ctx, common, "verify", "Verify the system's segment chain; exit 1 names the first changed, deleted, reordered or truncated segment.", HttpMethod.Get, "records/verify", Verified));
        logs.Subcommands.Add(Call(ctx, common, "purge", "Delete the records of days past retention (administrators); a purge record is kept.", HttpMethod.Post, "records/purge", Purged));
        return logs;
    }

    private static Option<string> SystemOption() => new("--system") { Description = "The processing system's id (GUID; GET …/processing-systems lists them).", Required = true };

    private static Guid SystemOf(ParseResult p, Option<string> system, Language lang) =>
        Guid.TryParse(p.GetValue(system), out var id) ? id : throw new CliUsageException(lang.T("--system에는 개인정보처리시스템 ID(GUID)를 주세요", "--system must be a processing system's id (a GUID)"));

    private static Command Ingest(CliContext ctx, CommonOptions common)
    {
        var api = new ApiOptions();
        var system = SystemOption();
        var files = new Argument<string[]>("files") { Description = "Log files in the system's format; each file is kept all or nothing.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("ingest", "Send log files of one system; each becomes day segments in its hash chain.") { system, files };
        api.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            var id = SystemOf(p, system, lang);
            using var conn = api.Connect(p);
            var paths = p.GetValue(files)!.Select(f => InputFile.Require(f, lang)).ToList(); // every file exists before one is sent
            return await conn.RunAsync(ctx, lang, async () =>
            {
                foreach (var path in paths)
                {
                    await using var stream = File.OpenRead(path);
                    using var form = new MultipartFormDataContent { { new StreamContent(stream), "file", Path.GetFileName(path) } };
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"{conn.OrgPath}/processing-systems/{id}/records") { Content = form };
                    using var r = await conn.SendAsync(request, ct);
                    if (!r.IsSuccessStatusCode)
                    {
                        await ctx.Err.WriteLineAsync(lang.T($"{Path.GetFileName(path)}: 보내지 못했습니다 (앞의 파일은 보관됨)", $"{Path.GetFileName(path)}: not kept (earlier files were)"));
                        return await ApiConnection.FailAsync(r, ctx, lang, ct);
                    }

                    var v = JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct)).RootElement;
                    var missing = string.Join(", ", v.GetProperty("missingByField").EnumerateObject().Where(m => m.Value.GetInt64() > 0).Select(m => $"{m.Name} {m.Value.GetInt64()}"));
                    await ctx.Out.WriteLineAsync(lang.T(
                        $"{Path.GetFileName(path)}: {v.GetProperty("records").GetInt64()}건, 묶음 {v.GetProperty("segments").GetArrayLength()}개" + (missing.Length > 0 ? $", 누락 항목: {missing}" : string.Empty),
                        $"{Path.GetFileName(path)}: {v.GetProperty("records").GetInt64()} records, {v.GetProperty("segments").GetArrayLength()} segments" + (missing.Length > 0 ? $", missing items: {missing}" : string.Empty)));
                }

                return ExitCodes.Ok;
            });
        });
        return cmd;
    }

    private static Command Call(CliContext ctx, CommonOptions common, string name, string description, HttpMethod method, string path, Func<JsonElement, Language, (int Exit, string Line)> report)
    {
        var api = new ApiOptions();
        var system = SystemOption();
        var cmd = new Command(name, description) { system };
        api.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            var id = SystemOf(p, system, lang);
            using var conn = api.Connect(p);
            return await conn.RunAsync(ctx, lang, async () =>
            {
                using var request = new HttpRequestMessage(method, $"{conn.OrgPath}/processing-systems/{id}/{path}");
                if (method == HttpMethod.Post)
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var r = await conn.SendAsync(request, ct);
                if (!r.IsSuccessStatusCode)
                {
                    return await ApiConnection.FailAsync(r, ctx, lang, ct);
                }

                var (exit, line) = report(JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct)).RootElement, lang);
                await (exit == ExitCodes.Ok ? ctx.Out : ctx.Err).WriteLineAsync(line);
                return exit;
            });
        });
        return cmd;
    }

    private static (int, string) Verified(JsonElement v, Language lang)
    {
        var segments = v.GetProperty("segments").GetInt64();
        if (v.GetProperty("problem") is { ValueKind: JsonValueKind.Object } problem)
        {
            var seq = problem.GetProperty("sequence").GetInt64();
            var kind = problem.GetProperty("kind").GetString();
            var detail = problem.GetProperty("detail").GetString();
            return (ExitCodes.Failed, lang.T($"실패: 묶음 {seq}: {kind} — {detail}", $"failed: segment {seq}: {kind} — {detail}"));
        }

        return (ExitCodes.Ok, lang.T($"이상 없음: 묶음 {segments}개 (파기 {v.GetProperty("purged").GetInt64()}개)", $"intact: {segments} segments ({v.GetProperty("purged").GetInt64()} purged)"));
    }

    private static (int, string) Purged(JsonElement v, Language lang)
    {
        var days = v.GetProperty("purged").EnumerateArray().Select(s => s.GetProperty("day").GetString()).ToList();
        var kept = v.GetProperty("kept").GetInt64().ToString(CultureInfo.InvariantCulture);
        return (ExitCodes.Ok, days.Count == 0
            ? lang.T($"보관 기간이 지난 묶음이 없습니다 (보관 중 {kept}개)", $"nothing is past retention ({kept} segments kept)")
            : lang.T($"파기: {days.Count}개 ({string.Join(", ", days)}), 보관 중 {kept}개", $"purged {days.Count} segments ({string.Join(", ", days)}); {kept} kept"));
    }
}
