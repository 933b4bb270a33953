using System.Text;
using System.Text.Json;

namespace Jikimi.Privacy.AccessRecords.Readers;

/// <summary>
/// Pulls the mapped fields out of one JSON object with <see cref="Utf8JsonReader"/>, without building a document:
/// nested keys are named by dotted paths (<c>account.user</c>), array elements are not addressed. Buffers are reused
/// from record to record. Used by the JSON-lines and MySQL audit readers.
/// </summary>
public sealed class JsonFields(int maxDepth)
{
    private byte[] _bytes = [];
    private char[] _path = new char[256];
    private int[] _ends = new int[Math.Max(maxDepth, 1) + 2];

    /// <summary>Fills <paramref name="values"/> for each non-null name; a problem when the text is not one JSON object.</summary>
    public string? Fill(string text, IReadOnlyList<string?> names, string[] values)
    {
        var count = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_bytes.Length < count)
        {
            _bytes = new byte[Math.Max(count, _bytes.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, _bytes);
        try
        {
            return Walk(new ReadOnlySpan<byte>(_bytes, 0, length), names, values);
        }
        catch (JsonException e)
        {
            return $"not valid JSON at byte {e.BytePositionInLine ?? 0}.";
        }
    }

    private string? Walk(ReadOnlySpan<byte> json, IReadOnlyList<string?> names, string[] values)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = _ends.Length - 2 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "a record must be one JSON object.";
        }

        var afterProperty = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    Push(ref reader);
                    afterProperty = true;
                    continue;
                case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False when afterProperty:
                    Match(ref reader, names, values);
                    break;
            }

            afterProperty = false;
        }

        return null;
    }

    private void Push(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var start = depth <= 1 ? 0 : _ends[depth - 1] + 1;
        var need = start + (reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length);
        if (_path.Length < need)
        {
            Array.Resize(ref _path, Math.Max(need, _path.Length * 2));
        }

        if (start > 0)
        {
            _path[start - 1] = '.';
        }

        _ends[depth] = start + reader.CopyString(_path.AsSpan(start));
    }

    private void Match(ref Utf8JsonReader reader, IReadOnlyList<string?> names, string[] values)
    {
        var path = _path.AsSpan(0, _ends[reader.CurrentDepth]);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is { } n && path.Equals(n, StringComparison.OrdinalIgnoreCase))
            {
                values[i] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }
    }
}
