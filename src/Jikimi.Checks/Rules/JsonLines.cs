using System.Text;
using System.Text.Json;

namespace Jikimi.Checks.Rules;

/// <summary>Maps JSON pointers of a small document to their 1-based line, so a semantic error in a rule file can
/// name its line the way a syntax error does.</summary>
internal static class JsonLines
{
    public static Dictionary<string, int> Map(ReadOnlySpan<byte> json)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        var stack = new Stack<(string Pointer, bool IsArray, int Index)>();
        string? pendingName = null;
        var line = 1;
        var scanned = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            for (; scanned < start; scanned++)
            {
                if (json[scanned] == (byte)'\n')
                {
                    line++;
                }
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingName = reader.GetString();
                var parent = stack.Count > 0 ? stack.Peek().Pointer : "";
                map.TryAdd(parent + "/" + pendingName, line);
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }

            string pointer;
            if (stack.Count == 0)
            {
                pointer = "";
            }
            else if (stack.Peek().IsArray)
            {
                var top = stack.Pop();
                pointer = top.Pointer + "/" + top.Index;
                stack.Push((top.Pointer, true, top.Index + 1));
            }
            else
            {
                pointer = stack.Peek().Pointer + "/" + pendingName;
            }

            map.TryAdd(pointer, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                stack.Push((pointer, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return map;
    }

    /// <summary>The line of <paramref name="pointer"/> or of its nearest ancestor that has one.</summary>
    public static int LineOf(Dictionary<string, int> map, string pointer)
    {
        var p = pointer;
        while (true)
        {
            if (map.TryGetValue(p, out var line))
            {
                return line;
            }

            var cut = p.LastIndexOf('/');
            if (cut < 0)
            {
                return 1;
            }

            p = p[..cut];
        }
    }

    public static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
