using System.Globalization;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Search;

public sealed record SearchHit(Control Control, int Score, IReadOnlyList<string> MatchedIn);

/// <summary>
/// Word search over ids, titles, criteria, check items and evidence in Korean and English. Every word must
/// match somewhere (AND); ids and titles weigh more than body text.
/// </summary>
public static class CatalogSearch
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Options = CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreNonSpace;

    public static IReadOnlyList<SearchHit> Search(IEnumerable<Control> controls, string query)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        foreach (var c in controls)
        {
            var total = 0;
            var where = new SortedSet<string>(StringComparer.Ordinal);
            var all = true;
            foreach (var w in words)
            {
                var s = ScoreWord(c, w, where);
                if (s == 0)
                {
                    all = false;
                    break;
                }

                total += s;
            }

            if (all)
            {
                hits.Add(new SearchHit(c, total, where.ToArray()));
            }
        }

        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Control.Id, ControlIdComparer.Instance).ToArray();
    }

    private static int ScoreWord(Control c, string w, SortedSet<string> where)
    {
        var score = 0;
        if (c.Id == w)
        {
            score += 100;
            where.Add("id");
        }
        else if (c.Id.StartsWith(w.TrimEnd('.') + ".", StringComparison.Ordinal))
        {
            score += 50;
            where.Add("id");
        }

        score += Hit(c.Title, w, 10, "title", where);
        if (c.Criterion is { } cr)
        {
            score += Hit(cr, w, 4, "criterion", where);
        }

        foreach (var ci in c.CheckItems)
        {
            score += Hit(ci.Text, w, 2, "checkItems", where);
        }

        foreach (var ev in c.Evidence)
        {
            score += Hit(ev, w, 1, "evidence", where);
        }

        return score;
    }

    private static int Hit(LocalizedText t, string w, int weight, string field, SortedSet<string> where)
    {
        if (Contains(t.Ko, w) || Contains(t.En, w))
        {
            where.Add(field);
            return weight;
        }

        return 0;
    }

    // Korean titles use "·" where users type "/" or nothing; compare with both removed.
    private static bool Contains(string text, string word) =>
        Compare.IndexOf(text, word, Options) >= 0
        || Compare.IndexOf(Normalize(text), Normalize(word), Options) >= 0;

    private static string Normalize(string s) => s.Replace("·", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
}

/// <summary>Orders 1.2.10 after 1.2.9 (numeric parts), not as text.</summary>
public sealed class ControlIdComparer : IComparer<string>
{
    public static readonly ControlIdComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return string.CompareOrdinal(x, y);
        }

        var a = x.Split('.', '-');
        var b = y.Split('.', '-');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var ia) && int.TryParse(b[i], out var ib) ? ia.CompareTo(ib) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
