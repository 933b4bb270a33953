using Jikimi.TestSupport;

namespace Jikimi.Cli.Tests;

/// <summary>Runs the real `jikimi` command tree in-process with captured output and its own data directory.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly TempDir _data = new();

    public string DataDir => _data.Path;

    public CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var ctx = CliContext.ForWriters(output, error, _data.Path);
        var code = JikimiCli.RunAsync(args, ctx).GetAwaiter().GetResult();
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public void Dispose() => _data.Dispose();
}

public sealed record CliResult(int ExitCode, string Out, string Err);
