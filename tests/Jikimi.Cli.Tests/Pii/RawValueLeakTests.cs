using System.Text;
using Jikimi.TestSupport;

namespace Jikimi.Cli.Tests.Pii;

/// <summary>
/// The privacy guarantee end to end: scan a corpus full of identifiers in every format, to stdout and to a
/// file, with errors on the way, and find none of the raw values (with or without separators) anywhere.
/// </summary>
public sealed class RawValueLeakTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        _cli.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void No_raw_identifier_appears_in_any_output_of_any_format()
    {
        var (text, samples) = new PiiCorpus(seed: 99).Document(perKind: 15);
        File.WriteAllText(_dir.File("corpus.txt"), text);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(_dir.File("corpus-euckr.txt"), Encoding.GetEncoding(949).GetBytes(text));
        File.WriteAllBytes(_dir.File("broken.docx"), [.. "PK\x03\x04"u8, .. Encoding.UTF8.GetBytes(text[..200])]); // unreadable on purpose
        File.WriteAllBytes(_dir.File("phone.pdf"), PiiScanCommandTests.MinimalPdf("tel " + samples.First(s => s.Type == "PHONE").Value));

        var raw = samples.Where(s => s.Type is not null).Select(s => s.Value).Distinct().ToList();
        var outputs = new List<string>();
        foreach (var format in (string[])["table", "json", "csv", "sarif"])
        {
            var outFile = _dir.File("report." + format);
            var toStdout = _cli.Run("pii", "scan", _dir.Path, "--exclude", "report.*", "--format", format, "--min-confidence", "low");
            var toFile = _cli.Run("pii", "scan", _dir.Path, "--exclude", "report.*", "--format", format, "--out", outFile, "--min-confidence", "low", "--fail-on", "low");
            Assert.Equal(0, toStdout.ExitCode);
            Assert.Equal(1, toFile.ExitCode);
            outputs.AddRange([toStdout.Out, toStdout.Err, toFile.Out, toFile.Err, File.ReadAllText(outFile)]);
        }

        var all = string.Join("\n", outputs);
        Assert.Contains("960", all, StringComparison.Ordinal); // sanity: masked values are there…
        Assert.True(all.Length > 10_000);
        foreach (var value in raw)
        {
            var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
            Assert.DoesNotContain(value, all, StringComparison.OrdinalIgnoreCase);
            if (digits.Length >= 9)
            {
                Assert.DoesNotContain(digits, all, StringComparison.Ordinal); // …but never a whole number
            }
        }
    }
}
