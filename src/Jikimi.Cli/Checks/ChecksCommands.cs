using System.CommandLine;
using System.Text;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Checks;
using Jikimi.Checks.Engine;
using Jikimi.Checks.Host;
using Jikimi.Checks.Inputs;
using Jikimi.Checks.Output;
using Jikimi.Checks.Rules;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;

namespace Jikimi.Cli.Checks;

/// <summary>`jikimi checks run|list` and `jikimi collect host` (docs/checks.md): configuration checks over exports and
/// host facts, offline, with no database.</summary>
public static class ChecksCommands
{
    private const string ToolVersion = "1.0.0";

    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var checks = new Command("checks", "Configuration checks over AWS/Azure/Entra/Kubernetes exports and host facts, mapped to ISMS-P 2023.");
        checks.Subcommands.Add(BuildRun(ctx, common));
        checks.Subcommands.Add(BuildList(ctx, common));
        return checks;
    }

    public static Command BuildCollect(CliContext ctx, CommonOptions common)
    {
        var collect = new Command("collect", "Gather evidence facts on this machine (read-only, no network).");
        var host = new Command("host", "Write this Linux host's security facts (login.defs, PAM, sshd, accounts, permissions, services …) as JSON.");
        var outOpt = new Option<string>("--out") { Description = "Facts file to write (default: facts.json).", DefaultValueFactory = _ => "facts.json" };
        host.Options.Add(outOpt);
        host.SetAction(parse =>
        {
            var lang = common.LanguageOf(parse);
            if (!OperatingSystem.IsLinux())
            {
                throw new CliFailureException(lang.T("collect host 는 리눅스에서만 동작합니다.", "collect host runs on Linux only."));
            }

            using var output = OutputFile.Prepare(parse.GetValue(outOpt)!, lang);
            var facts = new HostFactsCollector(ctx.Clock).Collect();
            using (var w = new StreamWriter(output.Stream, new UTF8Encoding(false), leaveOpen: true))
            {
                w.Write(facts.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                w.WriteLine();
            }

            output.Commit();
            ctx.Err.WriteLine(lang.T($"호스트 정보를 기록했습니다: {output.Path}", $"host facts written: {output.Path}"));
            return ExitCodes.Ok;
        });
        collect.Subcommands.Add(host);
        return collect;
    }

    private static Command BuildRun(CliContext ctx, CommonOptions common)
    {
        var run = new Command("run", "Evaluate the rules over export files and folders; exit 1 with --fail-on when a failure at or above the severity exists.");
        var paths = new Argument<string[]>("paths") { Description = "Export files or folders (every .json/.csv below a folder).", Arity = ArgumentArity.OneOrMore };
        var rules = new Option<string>("--rules") { Description = "A folder of your own rule files, added to the built-in set." };
        var format = new Option<string>("--format") { Description = "table (default), json, csv, ocsf or sarif.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. CheckRunWriters.Formats]);
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a fail (or error) at or above this severity exists: critical, high, medium, low, info." };
        failOn.AcceptOnlyFromAmong([.. CheckSeverity.All]);
        var param = new Option<string[]>("--param") { Description = "Override a rule parameter: RULE-ID.name=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var outOpt = new Option<string>("--out") { Description = "Write the output to this file (atomically) instead of standard output." };
        var uploadTo = new Option<string>("--upload-to") { Description = "Also record the run on an assessment of this Jikimi server (its address, e.g. https://jikimi.example.kr)." };
        var org = new Option<string>("--org") { Description = "With --upload-to: the organization id." };
        var token = new Option<string>("--token") { Description = $"With --upload-to: an API token (default: {ApiOptions.TokenVariable}); never printed." };
        var assessment = new Option<string>("--assessment") { Description = "With --upload-to: the assessment id (default: the newest year's)." };
        run.Arguments.Add(paths);
        foreach (var o in new Option[] { rules, format, failOn, param, outOpt, uploadTo, org, token, assessment })
        {
            run.Options.Add(o);
        }

        run.SetAction(async (parse, ct) =>
        {
            var lang = common.LanguageOf(parse);
            var upload = RunUploadTarget.Parse(parse.GetValue(uploadTo), parse.GetValue(org), parse.GetValue(token), parse.GetValue(assessment));

            RuleSet set;
            try
            {
                set = parse.GetValue(rules) is { } dir ? RuleLoader.Load(includeBuiltin: true, userDirectory: dir) : RuleLoader.Builtin;
            }
            catch (RuleFileException ex)
            {
                throw new CliFailureException(lang.T("규칙 파일 오류: ", "rule file error: ") + ex.Message);
            }

            var overrides = new RuleParameters();
            foreach (var p in parse.GetValue(param) ?? [])
            {
                if (overrides.Add(set, p) is { } why)
                {
                    throw new CliUsageException("--param: " + why);
                }
            }

            foreach (var p in parse.GetValue(paths)!)
            {
                if (!File.Exists(p) && !Directory.Exists(p))
                {
                    throw new CliFailureException(lang.T($"입력이 없습니다: {p}", $"input not found: {p}"));
                }
            }

            using var output = parse.GetValue(outOpt) is { } o ? OutputFile.Prepare(o, lang) : null;
            var files = CheckEngine.ExpandPaths(parse.GetValue(paths)!);
            var interactive = ctx.Interactive && files.Count > 1;
            var engine = new CheckEngine(set, new CheckOptions
            {
                Now = ctx.Clock.GetUtcNow(),
                Parameters = overrides,
                Progress = (done, total, resources) =>
                {
                    // Progress goes to standard error so it never mixes with a JSON/CSV/SARIF output on standard out.
                    if (interactive || total >= 20)
                    {
                        ctx.Err.WriteLine(lang.T($"진행: 파일 {done}/{total}, 자원 {resources}", $"progress: file {done}/{total}, {resources} resources"));
                    }
                },
            });
            var fmt = parse.GetValue(format)!;
            var bar = parse.GetValue(failOn) is { } sev ? CheckSeverity.Rank(sev) : (int?)null;
            bool Hit(CheckResult r) => bar is { } b && r.Status is CheckStatus.Fail or CheckStatus.Error && CheckSeverity.Rank(r.Severity) >= b;
            int hits;
            try
            {
                if (fmt == "csv" && output is not null && upload is null)
                {
                    // CSV into a file: each result is written as it streams and none is kept, so a 1 GB export's
                    // millions of results do not sit in memory. A bad input leaves the file uncommitted (nothing written).
                    hits = 0;
                    using (var w = new StreamWriter(output.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                    {
                        CheckRunWriters.CsvHeader(w);
                        engine.Run(files, r =>
                        {
                            CheckRunWriters.CsvRow(r, w);
                            hits += Hit(r) ? 1 : 0;
                        });
                    }

                    output.Commit();
                }
                else
                {
                    var result = engine.Run(files);
                    hits = result.Results.Count(Hit);
                    var sent = await WriteAndUploadAsync(result, fmt, output, upload, ctx, lang, ct);
                    if (sent != ExitCodes.Ok)
                    {
                        return sent;
                    }
                }
            }
            catch (InputException ex)
            {
                // Nothing is written: the output file (if any) is disposed uncommitted.
                throw new CliFailureException(lang.T("입력 파일 오류: ", "input file error: ") + ex.Message);
            }

            if (hits > 0)
            {
                var sevName = parse.GetValue(failOn);
                ctx.Err.WriteLine(lang.T($"--fail-on {sevName}: 기준 이상의 실패 {hits}건", $"--fail-on {sevName}: {hits} failures at or above the bar"));
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    /// <summary>Writes the whole run in the chosen format (to the file or standard output) and uploads its JSON.</summary>
    private static async Task<int> WriteAndUploadAsync(CheckRun result, string fmt, OutputFile? output, RunUploadTarget? upload, CliContext ctx, Language lang, CancellationToken ct)
    {
        if (output is not null)
        {
            using (var w = new StreamWriter(output.Stream, new UTF8Encoding(false), leaveOpen: true))
            {
                CheckRunWriters.Write(fmt, result, w, ctx.Clock.GetUtcNow(), ToolVersion);
            }

            output.Commit();
        }
        else
        {
            var sb = new StringWriter();
            CheckRunWriters.Write(fmt, result, sb, ctx.Clock.GetUtcNow(), ToolVersion);
            ctx.Out.Write(sb.ToString());
        }

        if (upload is null)
        {
            return ExitCodes.Ok;
        }

        // The JSON contract of `--format json`, whatever format was printed; the server records it as a run.
        var json = new StringWriter();
        CheckRunWriters.Write("json", result, json, ctx.Clock.GetUtcNow(), ToolVersion);
        return await RunUpload.RunAsync(upload, new UTF8Encoding(false).GetBytes(json.ToString()), $"checks-{ctx.Clock.GetUtcNow():yyyyMMdd-HHmmss}.json", ctx, lang, ct);
    }

    private static Command BuildList(CliContext ctx, CommonOptions common)
    {
        var list = new Command("list", "List the rules: id, severity, resource type, ISMS-P controls, KISA item, title.");
        var rules = new Option<string>("--rules") { Description = "Also list the rules in this folder." };
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        list.Options.Add(rules);
        list.Options.Add(format);
        list.SetAction(parse =>
        {
            var lang = common.LanguageOf(parse);
            RuleSet set;
            try
            {
                set = parse.GetValue(rules) is { } dir ? RuleLoader.Load(includeBuiltin: true, userDirectory: dir) : RuleLoader.Builtin;
            }
            catch (RuleFileException ex)
            {
                throw new CliFailureException(lang.T("규칙 파일 오류: ", "rule file error: ") + ex.Message);
            }

            if (parse.GetValue(format) == "json")
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    ruleSetVersion = set.Version,
                    rules = set.Rules.Select(r => new { id = r.Id, severity = r.Severity, resourceType = r.ResourceType, kisa = r.Kisa, titleKo = r.TitleKo, titleEn = r.TitleEn, controls = r.Controls.Select(c => new { controlId = c.ControlId, checkItems = c.CheckItems, reason = c.Reason }), parameters = r.Parameters.Select(p => new { name = p.Name, @default = p.Default, strictest = p.Strictest, loosest = p.Loosest }) }),
                }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                return ExitCodes.Ok;
            }

            foreach (var r in set.Rules)
            {
                var controls = string.Join(" ", r.Controls.Select(c => c.ControlId));
                ctx.Out.WriteLine($"{r.Id,-18} {r.Severity,-8} {r.ResourceType,-48} {controls,-18} {r.Kisa ?? "",-5} {(lang == Language.Ko ? r.TitleKo : r.TitleEn)}");
            }

            ctx.Out.WriteLine(lang.T($"규칙 {set.Rules.Count}개, ISMS-P 통제 {set.Rules.SelectMany(r => r.Controls).Select(c => c.ControlId).Distinct().Count()}개 ({set.Version})",
                $"{set.Rules.Count} rules over {set.Rules.SelectMany(r => r.Controls).Select(c => c.ControlId).Distinct().Count()} ISMS-P controls ({set.Version})"));
            return ExitCodes.Ok;
        });
        return list;
    }
}
