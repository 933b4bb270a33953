namespace Jikimi.Catalog.Search;

/// <summary>"Did you mean …?" for mistyped control ids.</summary>
public static class IdSuggestions
{
    public static IReadOnlyList<string> Nearest(string input, IEnumerable<string> ids, int max = 3)
    {
        var needle = input.Trim();
        return ids
            .Select(id => (id, d: Distance(needle, id)))
            .Where(x => x.d <= Math.Max(2, needle.Length / 3))
            .OrderBy(x => x.d)
            .ThenBy(x => x.id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.id)
            .ToArray();
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    internal static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
