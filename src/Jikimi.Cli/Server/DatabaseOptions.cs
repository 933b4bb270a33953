using System.CommandLine;

namespace Jikimi.Cli.Server;

/// <summary>--database and --connection, turned into host configuration arguments.</summary>
public sealed class DatabaseOptions
{
    public Option<string> Provider { get; } = new("--database") { Description = "sqlite (default: <data-dir>/jikimi.db) or postgres." };

    public Option<string> Connection { get; } = new("--connection") { Description = "Connection string (required for postgres; JIKIMI_CONNECTION also works)." };

    public DatabaseOptions() => Provider.AcceptOnlyFromAmong("sqlite", "postgres");

    public IEnumerable<Option> All => [Provider, Connection];

    public IEnumerable<string> HostArgs(ParseResult p)
    {
        if (p.GetValue(Provider) is { } provider)
        {
            yield return $"--Database:Provider={provider}";
        }

        var connection = p.GetValue(Connection) ?? Environment.GetEnvironmentVariable("JIKIMI_CONNECTION");
        if (!string.IsNullOrEmpty(connection))
        {
            yield return $"--ConnectionStrings:Default={connection}";
        }
    }
}
