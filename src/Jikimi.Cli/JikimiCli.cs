using System.CommandLine;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Pii;

namespace Jikimi.Cli;

/// <summary>The `jikimi` command: one executable, subcommands per area.</summary>
public static class JikimiCli
{
    /// <summary>The whole command tree (tests walk it to hold every command to the exit-code table).</summary>
    public static RootCommand Build(CliContext ctx, CommonOptions common)
    {
        var root = new RootCommand("Jikimi (지킴이): ISMS / ISMS-P certification workspace — criteria catalogs, evidence and audits.");
        root.Options.Add(common.Lang);
        root.Options.Add(common.DataDir);
        root.Subcommands.Add(CatalogCommands.Build(ctx, common));
        root.Subcommands.Add(Server.ServeCommand.Build(ctx, common));
        root.Subcommands.Add(Server.VerifyCommand.Build(ctx, common));
        root.Subcommands.Add(PiiCommands.Build(ctx, common));
        root.Subcommands.Add(Risk.RiskCommands.Build(ctx, common));
        root.Subcommands.Add(Risk.AssetCommands.Build(ctx, common));
        root.Subcommands.Add(Documents.ReportCommand.Build(ctx, common));
        root.Subcommands.Add(Documents.ImportCommand.Build(ctx, common));
        root.Subcommands.Add(Obligation.ObligationCommand.Build(ctx, common));
        foreach (var c in Audits.AuditCommands.Build(ctx, common))
        {
            root.Subcommands.Add(c);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext ctx)
    {
        var common = new CommonOptions(ctx);
        var root = Build(ctx, common);
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
            Description = "Criteria edition: 2023 (별표 7), 2018, 7-2 or 7-3 (simplified sets).",
            DefaultValueFactory = _ => defaultValue,
        };
        o.AcceptOnlyFromAmong([.. EditionId.All.Select(e => e.ShortName), .. EditionId.All.Select(e => e.Value)]);
        return o;
    }

    public static EditionId ParseEdition(string? text) =>
        EditionId.TryParse(text, out var e) ? e : throw new CliUsageException($"unknown edition '{text}' (use 2023, 2018, 7-2 or 7-3)");

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
