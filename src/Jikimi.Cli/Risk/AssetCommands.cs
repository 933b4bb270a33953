using System.CommandLine;
using System.Text;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;

namespace Jikimi.Cli.Risk;

/// <summary>`jikimi asset import|export`: the asset inventory as CSV or XLSX, through a Jikimi server's API (all-or-nothing import).</summary>
public static class AssetCommands
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var asset = new Command("asset", "The asset inventory on a Jikimi server (1.2.1): CSV or XLSX import and export.");
        asset.Subcommands.Add(Import(ctx, common));
        asset.Subcommands.Add(Export(ctx, common));
        return asset;
    }

    private static Command Import(CliContext ctx, CommonOptions common)
    {
        var api = new ApiOptions();
        var file = new Argument<string>("file") { Description = "CSV (UTF-8) or XLSX file; header row: assetId,name,type,owner,… (docs/cli.md)." };
        var cmd = new Command("import", "Import assets from CSV or XLSX: all rows or none; every problem is listed by row and column.") { file };
        api.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            using var conn = api.Connect(p);
            var path = InputFile.Require(p.GetValue(file)!, lang);

            return await conn.RunAsync(ctx, lang, async () =>
            {
                await using var stream = File.OpenRead(path);
                var head = new byte[4];
                var isXlsx = await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct) == 4 && head.AsSpan().SequenceEqual("PK\x03\x04"u8);
                stream.Position = 0;
                using var request = new HttpRequestMessage(HttpMethod.Post, $"{conn.OrgPath}/assets/import") { Content = new StreamContent(stream) };
                request.Content.Headers.ContentType = isXlsx
                    ? new System.Net.Http.Headers.MediaTypeHeaderValue(XlsxMediaType)
                    : new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
                using var r = await conn.SendAsync(request, ct);
                if (!r.IsSuccessStatusCode)
                {
                    return await ApiConnection.FailAsync(r, ctx, lang, ct);
                }

                var s = JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct)).RootElement;
                await ctx.Out.WriteLineAsync(lang.T(
                    $"가져오기 완료: {s.GetProperty("rows").GetInt32()}행 (신규 {s.GetProperty("created").GetInt32()}, 변경 {s.GetProperty("updated").GetInt32()})",
                    $"imported {s.GetProperty("rows").GetInt32()} rows ({s.GetProperty("created").GetInt32()} new, {s.GetProperty("updated").GetInt32()} updated)"));
                return ExitCodes.Ok;
            });
        });
        return cmd;
    }

    private static Command Export(CliContext ctx, CommonOptions common)
    {
        var api = new ApiOptions();
        var output = new Option<string>("--out", "-o") { Description = "Write to this file instead of stdout (a .xlsx name writes XLSX)." };
        var format = new Option<string>("--format") { Description = "csv or xlsx (default: xlsx for an --out ending in .xlsx, else csv; xlsx needs --out)." };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var cmd = new Command("export", "Export the whole inventory as CSV (UTF-8) or XLSX; the same columns import back.") { output, format };
        api.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            var path = p.GetValue(output);
            var kind = p.GetValue(format) ?? (path?.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) == true ? "xlsx" : "csv");
            if (kind == "xlsx" && path is not { Length: > 0 })
            {
                throw new CliUsageException(lang.T("xlsx는 --out 파일로만 내보낼 수 있습니다", "xlsx is written to a file: give --out"));
            }

            using var conn = api.Connect(p);
            using var target = path is { Length: > 0 } ? OutputFile.Prepare(path, lang) : null;
            return await conn.RunAsync(ctx, lang, async () =>
            {
                using var r = await conn.GetAsync($"{conn.OrgPath}/assets/export.{kind}", ct);
                if (!r.IsSuccessStatusCode)
                {
                    return await ApiConnection.FailAsync(r, ctx, lang, ct);
                }

                var bytes = await r.Content.ReadAsByteArrayAsync(ct);
                if (target is not null)
                {
                    await target.Stream.WriteAsync(bytes, ct);
                    target.Commit();
                    await ctx.Err.WriteLineAsync(lang.T($"저장: {target.Path}", $"written: {target.Path}"));
                }
                else
                {
                    await ctx.Out.WriteAsync(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
                }

                return ExitCodes.Ok;
            });
        });
        return cmd;
    }

    private const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
