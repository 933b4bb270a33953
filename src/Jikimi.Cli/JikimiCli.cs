using System.CommandLine;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Pii;

namespace Jikimi.Cli;

/// <summary>The `jikimi` command: one executable, subcommands per area.</summary>
public static class JikimiCli
{
    /// <summary>Top-level commands in help order, each with the factory of its tree.</summary>
    private static readonly (string Name, Func<CliContext, CommonOptions, IEnumerable<Command>> Build)[] TopLevel =
    [
        ("catalog", (c, o) => [CatalogCommands.Build(c, o)]),
        ("serve", (c, o) => [Server.ServeCommand.Build(c, o)]),
        ("verify", (c, o) => [Server.VerifyCommand.Build(c, o)]),
        ("backup", (c, o) => [Server.BackupCommands.BuildBackup(c, o)]),
        ("restore", (c, o) => [Server.BackupCommands.BuildRestore(c, o)]),
        ("pii", (c, o) => [PiiCommands.Build(c, o)]),
        ("logs", (c, o) => [Logs.LogsCommands.Build(c, o)]),
        ("checks", (c, o) => [Checks.ChecksCommands.Build(c, o)]),
        ("collect", (c, o) => [Checks.ChecksCommands.BuildCollect(c, o)]),
        ("risk", (c, o) => [Risk.RiskCommands.Build(c, o)]),
        ("asset", (c, o) => [Risk.AssetCommands.Build(c, o)]),
        ("report", (c, o) => [Documents.ReportCommand.Build(c, o)]),
        ("import", (c, o) => [Documents.ImportCommand.Build(c, o)]),
        ("obligation", (c, o) => [Obligation.ObligationCommand.Build(c, o)]),
        ("audit", (c, o) => Audits.AuditCommands.Build(c, o).Where(x => x.Name == "audit")),
        ("finding", (c, o) => Audits.AuditCommands.Build(c, o).Where(x => x.Name == "finding")),
        ("history", (c, o) => [History.HistoryCommands.Build(c, o)]),
    ];

    /// <summary>The command tree (tests walk the whole of it to hold every command to the exit-code table); with
    /// <paramref name="args"/>, only the tree of the command they name.</summary>
    public static RootCommand Build(CliContext ctx, CommonOptions common, string[]? args = null)
    {
        var root = new RootCommand("Jikimi (지킴이): ISMS / ISMS-P certification workspace — criteria catalogs, evidence and audits.");
        root.Options.Add(common.Lang);
        root.Options.Add(common.DataDir);
        // Start-up matters (`jikimi catalog show 2.5.4` < 200 ms, bench/startup.sh): when the first argument names a
        // command, only that command's tree is built, so its siblings' option objects and the types they touch
        // (the web host, EF Core, the PII scanner) are never loaded. Help, no arguments and typos build them all.
        var name = args is { Length: > 0 } ? args[0] : null;
        var wanted = name is not null && TopLevel.Any(t => t.Name == name) ? TopLevel.Where(t => t.Name == name) : TopLevel;
        foreach (var (_, build) in wanted)
        {
            foreach (var c in build(ctx, common))
            {
                root.Subcommands.Add(c);
            }
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var common = new CommonOptions(ctx);
        var root = Build(ctx, common, args);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await ctx.Err.WriteLineAsync("error: " + e.Message);
            }

            await ctx.Err.WriteLineAsync("Run 'jikimi --help' (or '<command> --help') for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = ctx.Out, Error = ctx.Err, EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException ex)
        {
            await ctx.Err.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (CliFailureException ex)
        {
            await ctx.Err.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The command edge: a file that vanished or cannot be written is one line and exit 1, never a stack trace.
            var lang = common.LanguageOf(parse);
            await ctx.Err.WriteLineAsync(lang == Language.Ko ? "오류: 파일을 읽거나 쓸 수 없습니다: " + ex.Message : "error: cannot read or write a file: " + ex.Message);
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Environment.GetEnvironmentVariable("JIKIMI_DEBUG") != "1")
        {
            // A bug: say which kind in one line (its message may quote data); JIKIMI_DEBUG=1 shows the stack trace.
            var lang = common.LanguageOf(parse);
            await ctx.Err.WriteLineAsync(lang == Language.Ko
                ? $"오류: 예기치 않은 내부 오류 ({ex.GetType().Name}). JIKIMI_DEBUG=1 로 자세한 내용을 볼 수 있습니다."
                : $"error: unexpected internal error ({ex.GetType().Name}); set JIKIMI_DEBUG=1 for details.");
            return ExitCodes.Failed;
        }
    }
}

/// <summary>A mistake on the command line found after parsing (unknown id, bad combination): exit 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>The command ran and failed on its input or output (a missing input file, an unwritable --out): exit 1.</summary>
public sealed class CliFailureException(string message) : Exception(message);

/// <summary>Options shared by several commands.</summary>
public sealed class CommonOptions
{
    public CommonOptions(CliContext ctx)
    {
        Lang = new Option<string>("--lang")
        {
            Description = "Output language: ko or en (default: ko, or JIKIMI_LANG).",
            Recursive = true,
        };
        Lang.AcceptOnlyFromAmong("ko", "en");
        DataDir = new Option<string>("--data-dir")
        {
            Description = "Data directory (default: ./data, or JIKIMI_DATA_DIR).",
            Recursive = true,
        };
        Context = ctx;
    }

    public CliContext Context { get; }
    public Option<string> Lang { get; }
    public Option<string> DataDir { get; }

    public Language LanguageOf(ParseResult p) =>
        p.GetValue(Lang) is { } s && LanguageParser.TryParse(s, out var l) ? l : Context.DefaultLanguage;

    public string DataDirOf(ParseResult p) => p.GetValue(DataDir) is { Length: > 0 } d ? Path.GetFullPath(d) : Context.DefaultDataDir;

    public static Option<string> Edition(string defaultValue)
    {
        var o = new Option<string>("--edition", "-e")
        {
            Description = "Criteria edition: 2023 (별표 7), 2018, 7-2 or 7-3 (simplified sets), k-isms (legacy); k-pims is known only in outline (catalog list).",
            DefaultValueFactory = _ => defaultValue,
        };
        o.AcceptOnlyFromAmong([.. EditionId.All.Select(e => e.ShortName), .. EditionId.All.Select(e => e.Value), KPims]);
        return o;
    }

    /// <summary>The K-PIMS scheme: accepted by --edition so `catalog list` can show its outline; it has no items to show or diff.</summary>
    public const string KPims = "k-pims";

    public static EditionId ParseEdition(string? text) =>
        EditionId.TryParse(text, out var e) ? e
        : string.Equals(text?.Trim(), KPims, StringComparison.OrdinalIgnoreCase)
            ? throw new CliUsageException("K-PIMS items are not in the catalog (their ids and titles were not found in public sources); `catalog list --edition k-pims` shows its editions, item counts and sources")
            : throw new CliUsageException($"unknown edition '{text}' (use 2023, 2018, 7-2, 7-3 or k-isms)");

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var o = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", allowed) + ".",
            DefaultValueFactory = _ => defaultValue,
        };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }
}
