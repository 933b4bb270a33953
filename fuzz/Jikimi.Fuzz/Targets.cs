using System.IO.Compression;
using System.Xml;
using Jikimi.Application.Automation.Prowler;
using Jikimi.Checks.Inputs;
using Jikimi.Input;
using Jikimi.Privacy.Content;
using Jikimi.Reports.Assets;
using Jikimi.Reports.Xlsx;

namespace Jikimi.Fuzz;

/// <summary>
/// One fuzz target per reader of outside files. Each runs the reader as the product does and lets through only the
/// failures its caller turns into a clear error (the same exception types the caller catches); anything else
/// escapes, which is a crash for AFL and a failure for the corpus replay test.
/// </summary>
public static class Targets
{
    // Made per call, not in the static constructor: instrumented code must not run before SharpFuzz sets up AFL's map.
    private static ArchiveLimits Limits => new() { MaxTotalUncompressed = 16 << 20 };

    private static readonly string Scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "jikimi-fuzz-" + Environment.ProcessId)).FullName;

    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        // statement import reads the first sheet whose name it wants; the asset import its own layout
        ["statement-xlsx"] = data => XlsxReader.Read(new MemoryStream(data), _ => true, "the statement sheet", new Jikimi.Input.InputLimits()),
        ["asset-xlsx"] = data => AssetXlsx.Read(new MemoryStream(data), new Jikimi.Input.InputLimits()),
        ["asset-csv"] = data => Expect(() => CsvReader.ReadAll(new MemoryStream(data), new CsvOptions()), IsInputError),
        ["prowler"] = data => ProwlerReader.Parse(data),
        ["pii-text"] = data => Expect(() => Drain(new MemoryStream(data)), IsScanError),
        ["pii-gzip"] = data => Expect(() =>
        {
            using var gz = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var limited = new BoundedStream(gz, 4 << 20, "fuzz.gz");
            Drain(limited);
        }, IsScanError),
        ["pii-ooxml"] = data => Expect(() => OfficeDocument.ReadText(new MemoryStream(data), "fuzz.docx", Limits, (_, part) => Drain(part)), IsScanError),
        ["pii-hwpx"] = data => Expect(() => OfficeDocument.ReadText(new MemoryStream(data), "fuzz.hwpx", Limits, (_, part) => Drain(part)), IsScanError),
        ["checks-json"] = data => Expect(() => ReadExport(data, ".json"), e => e is Jikimi.Checks.Inputs.InputException),
        ["checks-csv"] = data => Expect(() => ReadExport(data, ".csv"), e => e is Jikimi.Checks.Inputs.InputException),
    };

    /// <summary>What the PII scanner catches per file and reports as a skipped file (ScanEngine).</summary>
    public static bool IsScanError(Exception e) =>
        e is ArchiveLimitException or Jikimi.Input.InputException or IOException or UnauthorizedAccessException or InvalidDataException or XmlException;

    public static bool IsInputError(Exception e) => e is Jikimi.Input.InputException;

    /// <summary>Runs one input; an exception the caller would not turn into a clear error is rethrown.</summary>
    public static void Run(string target, byte[] data) => All[target](data);

    private static void Expect(Action read, Func<Exception, bool> expected)
    {
        try
        {
            read();
        }
        catch (Exception e) when (expected(e))
        {
        }
    }

    /// <summary>Decodes as the scanner does (UTF-8, UTF-16 or EUC-KR/CP949 by content) and reads every character.</summary>
    private static void Drain(Stream raw)
    {
        using var utf8 = TextDecoder.OpenUtf8(raw, out _);
        if (utf8 is null)
        {
            return;
        }

        using var text = new StreamReader(utf8);
        var buffer = new char[4096];
        while (text.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    private static void ReadExport(byte[] data, string extension)
    {
        var path = Path.Combine(Scratch, "input" + extension);
        File.WriteAllBytes(path, data);
        var context = new ReaderContext();
        new ExportReader(context, 4 << 20).Read(path, _ => { });
        context.Finish(_ => { });
    }
}
