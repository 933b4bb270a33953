using System.Globalization;
using System.Text;
using Jikimi.Privacy;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Jikimi.Cli.Pii;

/// <summary>Parsing and checks of `pii scan` option values; problems are usage errors (exit 2).</summary>
public static class ScanSettings
{
    /// <summary>"100MB", "1.5GB", "512k", "1000" (bytes); units are powers of 1024.</summary>
    public static long ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        var units = new (string Suffix, long Factor)[] { ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1) };
        long factor = 1;
        foreach (var (suffix, f) in units)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                t = t[..^suffix.Length].Trim();
                factor = f;
                break;
            }
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? (long)(v * factor)
            : throw new CliUsageException($"bad size '{text}' (examples: 100MB, 2GB, 512KB)");
    }

    public static Confidence ParseConfidence(string? text, string option) =>
        PiiTypeNames.TryParseConfidence(text, out var c) ? c : throw new CliUsageException($"{option} must be low, medium or high");

    /// <summary>Include/exclude globs (Microsoft.Extensions.FileSystemGlobbing) on '/'-separated relative paths.</summary>
    public static Func<string, bool>? Filter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        if (include.Count == 0 && exclude.Count == 0)
        {
            return null;
        }

        var m = new Matcher(StringComparison.OrdinalIgnoreCase);
        foreach (var i in include.Count == 0 ? ["**/*"] : include)
        {
            m.AddInclude(i);
        }

        foreach (var e in exclude)
        {
            m.AddExclude(e);
        }

        return rel => m.Match(rel).HasMatches;
    }

    /// <summary>The fingerprint key: --key-file, else JIKIMI_PII_KEY, else random for this run.</summary>
    public static (Fingerprinter Fingerprinter, string Source) Key(string? keyFile)
    {
        if (keyFile is not null)
        {
            if (!File.Exists(keyFile))
            {
                throw new CliFailureException($"--key-file: no such file: {keyFile}");
            }

            return (FromSecret(File.ReadAllBytes(keyFile).AsSpan().Trim("\r\n \t"u8), "--key-file"), "key-file");
        }

        if (Environment.GetEnvironmentVariable("JIKIMI_PII_KEY") is { Length: > 0 } env)
        {
            return (FromSecret(Encoding.UTF8.GetBytes(env.Trim()), "JIKIMI_PII_KEY"), "environment");
        }

        return (Fingerprinter.WithRandomKey(), "random-per-run");
    }

    private static Fingerprinter FromSecret(ReadOnlySpan<byte> secret, string where) =>
        secret.Length >= 16 ? Fingerprinter.WithKey(secret) : throw new CliUsageException($"{where}: the key must be at least 16 bytes");
}
