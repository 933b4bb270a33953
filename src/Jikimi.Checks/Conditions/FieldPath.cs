using System.Text.Json;

namespace Jikimi.Checks.Conditions;

/// <summary>A path into a resource: dot-separated property names; a segment in single quotes may hold dots or
/// slashes (<c>files.'/etc/login.defs'.mode</c>); a leading <c>$.</c> starts at the resource root even inside an
/// <c>each</c>/<c>some</c>/<c>none</c>/<c>count</c> element scope. No wildcards, no functions: a path names one value.</summary>
public sealed class FieldPath
{
    private readonly string[] segments;

    private FieldPath(string text, string[] segments, bool fromRoot)
    {
        Text = text;
        this.segments = segments;
        FromRoot = fromRoot;
    }

    public string Text { get; }

    public bool FromRoot { get; }

    /// <summary>Parses a path; null and a message when it is malformed.</summary>
    public static FieldPath? TryParse(string text, out string? error)
    {
        error = null;
        var fromRoot = false;
        var s = text;
        if (s == "$")
        {
            return new FieldPath(text, [], true);
        }

        if (s.StartsWith("$.", StringComparison.Ordinal))
        {
            fromRoot = true;
            s = s[2..];
        }

        if (s.Length == 0)
        {
            error = "empty path";
            return null;
        }

        var parts = new List<string>();
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '\'')
            {
                var end = s.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    error = $"unclosed quote in path '{text}'";
                    return null;
                }

                parts.Add(s[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var end = s.IndexOf('.', i);
                if (end < 0)
                {
                    end = s.Length;
                }

                if (end == i)
                {
                    error = $"empty segment in path '{text}'";
                    return null;
                }

                parts.Add(s[i..end]);
                i = end;
            }

            if (i < s.Length)
            {
                if (s[i] != '.' || i == s.Length - 1)
                {
                    error = $"malformed path '{text}'";
                    return null;
                }

                i++;
            }
        }

        return new FieldPath(text, parts.ToArray(), fromRoot);
    }

    /// <summary>The value at this path, or false when a segment is missing or a non-object is crossed.</summary>
    public bool TryResolve(JsonElement scope, JsonElement root, out JsonElement value)
    {
        value = FromRoot ? root : scope;
        foreach (var seg in segments)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(seg, out value))
            {
                value = default;
                return false;
            }
        }

        return true;
    }

    public override string ToString() => Text;
}
