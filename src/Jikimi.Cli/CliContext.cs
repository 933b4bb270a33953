using Jikimi.Catalog.Model;
using Spectre.Console;

namespace Jikimi.Cli;

/// <summary>Where a command writes and what it runs against; tests pass string writers and a fixed clock.</summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }
    public required TextWriter Err { get; init; }
    public required IAnsiConsole Console { get; init; }
    public required TimeProvider Clock { get; init; }

    /// <summary>The default data directory (./data, or JIKIMI_DATA_DIR).</summary>
    public required string DefaultDataDir { get; init; }

    /// <summary>The default output language (ko, or JIKIMI_LANG).</summary>
    public Language DefaultLanguage { get; init; } = Language.Ko;

    public bool Interactive { get; init; }

    public static CliContext ForProcess()
    {
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        var lang = LanguageParser.TryParse(Environment.GetEnvironmentVariable("JIKIMI_LANG"), out var l) ? l : Language.Ko;
        return new CliContext
        {
            Out = System.Console.Out,
            Err = System.Console.Error,
            Console = System.Console.IsOutputRedirected ? PlainConsole(System.Console.Out) : AnsiConsole.Console,
            Clock = TimeProvider.System,
            DefaultDataDir = Environment.GetEnvironmentVariable("JIKIMI_DATA_DIR") is { Length: > 0 } d ? d : Path.Combine(Environment.CurrentDirectory, "data"),
            DefaultLanguage = lang,
            Interactive = !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected,
        };
    }

    /// <summary>A context writing plain text (no colours, fixed width) to the given writers.</summary>
    public static CliContext ForWriters(TextWriter output, TextWriter error, string dataDir, TimeProvider? clock = null) => new()
    {
        Out = output,
        Err = error,
        Console = PlainConsole(output),
        Clock = clock ?? TimeProvider.System,
        DefaultDataDir = dataDir,
        Interactive = false,
    };

    /// <summary>Redirected output (pipes, files, tests): no colours, and wide enough that tables do not wrap titles.</summary>
    private static IAnsiConsole PlainConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return console;
    }
}
