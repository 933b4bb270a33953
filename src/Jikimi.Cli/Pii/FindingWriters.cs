using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jikimi.Cli.Infrastructure;
using Jikimi.Input;
using Jikimi.Privacy;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Cli.Pii;

/// <summary>
/// Streams findings as they arrive (memory does not grow with their number) and closes with the summary.
/// Only masked values and fingerprints are written: a Finding holds nothing else.
/// </summary>
public abstract class FindingWriter(OutputTarget target) : IDisposable
{
    protected OutputTarget Target { get; } = target;

    public abstract void Begin(ScanInfo info);

    public abstract void Write(Finding f);

    public abstract void End(ScanReport report, ScanInfo info);

    public virtual void Dispose() => Target.Dispose();

    public static FindingWriter For(string format, OutputTarget target) => format switch
    {
        "json" => new JsonFindingWriter(target),
        "csv" => new CsvFindingWriter(target),
        "sarif" => new SarifFindingWriter(target),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

/// <summary>Facts about the run that every format states.</summary>
public sealed record ScanInfo(DateTimeOffset StartedAt, Confidence MinConfidence, string KeySource, string Version)
{
    public TimeSpan Elapsed { get; set; }
}

/// <summary>JSON writers that flush to the target every 64 KB.</summary>
public abstract class JsonStreamWriter : FindingWriter
{
    private readonly MemoryStream _buffer = new();

    protected JsonStreamWriter(OutputTarget target)
        : base(target) =>
        Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    protected Utf8JsonWriter Json { get; }

    protected void FlushIfLarge(bool force = false)
    {
        Json.Flush();
        if (force || _buffer.Length > 64 * 1024)
        {
            Target.Write(_buffer.GetBuffer().AsSpan(0, (int)_buffer.Length));
            _buffer.SetLength(0);
        }
    }

    protected static void WriteLocation(Utf8JsonWriter j, Location l)
    {
        j.WriteString("path", l.Path);
        if (l.Entry is not null)
        {
            j.WriteString("entry", l.Entry);
        }

        if (l.Table is not null)
        {
            j.WriteString("table", l.Table);
            j.WriteString("field", l.Field);
            j.WriteString("rowKey", l.RowKey);
        }

        j.WriteNumber("line", l.Line);
        j.WriteNumber("column", l.Column);
        j.WriteNumber("offset", l.Offset);
    }

    public override void Dispose()
    {
        Json.Dispose();
        _buffer.Dispose();
        base.Dispose();
    }
}

/// <summary>
/// `--format json` (docs/cli.md): { tool, scannedAt, …, findings: [...], summary, skipped }. With
/// <paramref name="paths"/> (the evidence file of `--upload-to`) it also states what was scanned.
/// </summary>
public sealed class JsonFindingWriter(OutputTarget target, IReadOnlyList<string>? paths = null) : JsonStreamWriter(target)
{
    public override void Begin(ScanInfo info)
    {
        Json.WriteStartObject();
        Json.WriteString("tool", "jikimi pii scan");
        Json.WriteString("version", info.Version);
        Json.WriteString("scannedAt", info.StartedAt.ToString("O", CultureInfo.InvariantCulture));
        Json.WriteString("minConfidence", info.MinConfidence.WireName());
        Json.WriteString("fingerprintKey", info.KeySource);
        if (paths is not null)
        {
            Json.WriteStartArray("paths");
            foreach (var p in paths)
            {
                Json.WriteStringValue(p);
            }

            Json.WriteEndArray();
        }

        Json.WriteStartArray("findings");
    }

    public override void Write(Finding f)
    {
        Json.WriteStartObject();
        Json.WriteString("type", f.Type.WireName());
        Json.WriteString("confidence", f.Confidence.WireName());
        WriteLocation(Json, f.Location);
        Json.WriteString("masked", f.Masked);
        Json.WriteString("fingerprint", f.Fingerprint);
        Json.WriteEndObject();
        FlushIfLarge();
    }

    public override void End(ScanReport report, ScanInfo info)
    {
        Json.WriteEndArray();
        Json.WriteStartObject("summary");
        Json.WriteNumber("files", report.Files);
        Json.WriteNumber("bytes", report.Bytes);
        Json.WriteNumber("findings", report.Total);
        Json.WriteNumber("seconds", Math.Round(info.Elapsed.TotalSeconds, 3));
        Json.WriteStartArray("byType");
        foreach (var t in report.ByType())
        {
            Json.WriteStartObject();
            Json.WriteString("type", t.Type.WireName());
            Json.WriteNumber("high", t.High);
            Json.WriteNumber("medium", t.Medium);
            Json.WriteNumber("low", t.Low);
            Json.WriteNumber("distinct", t.Distinct);
            Json.WriteEndObject();
        }

        Json.WriteEndArray();
        Json.WriteStartArray("topPlaces");
        foreach (var p in report.TopPlaces(20))
        {
            Json.WriteStartObject();
            Json.WriteString("place", p.Place);
            Json.WriteNumber("findings", p.Total);
            Json.WriteEndObject();
        }

        Json.WriteEndArray();
        Json.WriteEndObject();
        Json.WriteStartArray("skipped");
        foreach (var (path, reason) in report.Skipped)
        {
            Json.WriteStartObject();
            Json.WriteString("path", path);
            Json.WriteString("reason", reason);
            Json.WriteEndObject();
        }

        Json.WriteEndArray();
        Json.WriteEndObject();
        FlushIfLarge(force: true);
        Target.Write("\n");
    }
}

/// <summary>`--format csv`: one row per finding (RFC 4180, formula-safe cells).</summary>
public sealed class CsvFindingWriter(OutputTarget target) : FindingWriter(target)
{
    public override void Begin(ScanInfo info) =>
        Target.Write(CsvWriter.Line(["type", "confidence", "path", "entry", "table", "field", "rowKey", "line", "column", "offset", "masked", "fingerprint"]) + "\n");

    public override void Write(Finding f)
    {
        var l = f.Location;
        var inv = CultureInfo.InvariantCulture;
        Target.Write(CsvWriter.Line([f.Type.WireName(), f.Confidence.WireName(), l.Path, l.Entry, l.Table, l.Field, l.RowKey, l.Line.ToString(inv), l.Column.ToString(inv), l.Offset.ToString(inv), f.Masked, f.Fingerprint]) + "\n");
    }

    public override void End(ScanReport report, ScanInfo info)
    {
    }
}
