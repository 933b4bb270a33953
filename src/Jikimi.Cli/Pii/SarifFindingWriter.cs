using Jikimi.Privacy;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Cli.Pii;

/// <summary>
/// `--format sarif`: SARIF 2.1.0, one rule per type (ruleId = KR_RRN …), level from confidence (high = error,
/// medium = warning, low = note), file locations as region startLine/startColumn/byteOffset, database
/// locations as logical locations. Messages carry the masked value only; the keyed fingerprint is a
/// partialFingerprint so code-scanning tools de-duplicate across runs with the same key.
/// </summary>
public sealed class SarifFindingWriter(OutputTarget target) : JsonStreamWriter(target)
{
    public override void Begin(ScanInfo info)
    {
        Json.WriteStartObject();
        Json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        Json.WriteString("version", "2.1.0");
        Json.WriteStartArray("runs");
        Json.WriteStartObject();
        Json.WriteStartObject("tool");
        Json.WriteStartObject("driver");
        Json.WriteString("name", "jikimi-pii");
        Json.WriteString("semanticVersion", info.Version);
        Json.WriteString("informationUri", "https://github.com/jikimi/jikimi/blob/main/docs/pii.md");
        Json.WriteStartArray("rules");
        foreach (var t in PiiTypeNames.All)
        {
            Json.WriteStartObject();
            Json.WriteString("id", t.WireName());
            Json.WriteStartObject("shortDescription");
            Json.WriteString("text", $"{t.KoreanName()} ({t.WireName()})");
            Json.WriteEndObject();
            Json.WriteStartObject("defaultConfiguration");
            Json.WriteString("level", "warning");
            Json.WriteEndObject();
            Json.WriteEndObject();
        }

        Json.WriteEndArray();
        Json.WriteEndObject();
        Json.WriteEndObject();
        Json.WriteStartArray("results");
    }

    public static string Level(Confidence c) => c switch
    {
        Confidence.High => "error",
        Confidence.Medium => "warning",
        _ => "note",
    };

    public override void Write(Finding f)
    {
        var l = f.Location;
        Json.WriteStartObject();
        Json.WriteString("ruleId", f.Type.WireName());
        Json.WriteString("level", Level(f.Confidence));
        Json.WriteStartObject("message");
        Json.WriteString("text", $"{f.Type.KoreanName()} {f.Masked} ({f.Type.WireName()}, confidence {f.Confidence.WireName()})");
        Json.WriteEndObject();
        Json.WriteStartArray("locations");
        Json.WriteStartObject();
        if (l.Table is null)
        {
            Json.WriteStartObject("physicalLocation");
            Json.WriteStartObject("artifactLocation");
            Json.WriteString("uri", new Uri(l.Path).AbsoluteUri);
            Json.WriteEndObject();
            Json.WriteStartObject("region");
            Json.WriteNumber("startLine", l.Line);
            Json.WriteNumber("startColumn", l.Column);
            Json.WriteNumber("byteOffset", l.Offset);
            Json.WriteEndObject();
            Json.WriteEndObject();
        }

        Json.WriteStartArray("logicalLocations");
        Json.WriteStartObject();
        Json.WriteString("fullyQualifiedName", l.Table is null ? l.Entry ?? l.Path : $"{l.Path}/{l.Table}.{l.Field}[{l.RowKey}]");
        Json.WriteString("kind", l.Table is null ? (l.Entry is null ? "file" : "member") : "column");
        Json.WriteEndObject();
        Json.WriteEndArray();
        Json.WriteEndObject();
        Json.WriteEndArray();
        Json.WriteStartObject("partialFingerprints");
        Json.WriteString("jikimiPii/v1", f.Fingerprint);
        Json.WriteEndObject();
        Json.WriteStartObject("properties");
        Json.WriteString("confidence", f.Confidence.WireName());
        Json.WriteString("masked", f.Masked);
        Json.WriteEndObject();
        Json.WriteEndObject();
        FlushIfLarge();
    }

    public override void End(ScanReport report, ScanInfo info)
    {
        Json.WriteEndArray();
        Json.WriteStartArray("invocations");
        Json.WriteStartObject();
        Json.WriteBoolean("executionSuccessful", true);
        Json.WriteStartArray("toolExecutionNotifications");
        foreach (var (path, reason) in report.Skipped)
        {
            Json.WriteStartObject();
            Json.WriteString("level", "note");
            Json.WriteStartObject("message");
            Json.WriteString("text", $"skipped {path}: {reason}");
            Json.WriteEndObject();
            Json.WriteEndObject();
        }

        Json.WriteEndArray();
        Json.WriteEndObject();
        Json.WriteEndArray();
        Json.WriteStartObject("properties");
        Json.WriteNumber("files", report.Files);
        Json.WriteNumber("bytes", report.Bytes);
        Json.WriteString("fingerprintKey", info.KeySource);
        Json.WriteEndObject();
        Json.WriteEndObject();
        Json.WriteEndArray();
        Json.WriteEndObject();
        FlushIfLarge(force: true);
        Target.Write("\n");
    }
}
