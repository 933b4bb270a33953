namespace Jikimi.Cli.Infrastructure;

/// <summary>Exit codes (documented in docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command ran but failed: an import was rejected, a file could not be read, a gate failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong: unknown option, bad value, unknown edition or control id.</summary>
    public const int Usage = 2;
}
