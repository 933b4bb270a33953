using Jikimi.Input;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>JSON lines (NDJSON): one JSON object per line; the mapping names keys, nested ones by dotted path.</summary>
public sealed class JsonLinesAccessLogReader(Stream stream, string? name, AccessLogMapping mapping, InputLimits limits)
    : LineAccessLogReader(stream, name, mapping, limits)
{
    private readonly JsonFields _json = new(limits.MaxJsonDepth);

    protected override bool Read(string text, string[] values, ref string? problem)
    {
        problem = _json.Fill(text, Names, values);
        return problem is null;
    }
}
