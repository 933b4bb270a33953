namespace Jikimi.Catalog.Model;

/// <summary>
/// A Korean statute, regulation or notice, by a stable code. <paramref name="TextAsOf"/> is the date of the text
/// whose article numbers the catalog cites (articles move when a law is amended); <paramref name="DateSource"/>
/// says where that date comes from, tagged [V]/[S]/[M] like the other facts.
/// </summary>
public sealed record Statute(string Code, LocalizedText Name, DateOnly? TextAsOf = null, string? DateSource = null);

/// <summary>
/// A reference to a statute: to the whole instrument (<paramref name="Article"/> null), or to an article and
/// optionally a paragraph. <paramref name="OwnPin"/>: the 인증기준 안내서 cites the instrument, and the article is the
/// Jikimi team's own choice of the most relevant one — shown as such, never as the guide's citation.
/// </summary>
public sealed record LawReference(Statute Statute, string? Article, int? Paragraph, bool OwnPin = false)
{
    /// <summary>"제24조의2제1항" / "Art. 24-2(1)"; empty for a whole instrument.</summary>
    public string FormatArticle(Language language)
    {
        if (Article is null)
        {
            return string.Empty;
        }

        var parts = Article.Split('-', 2);
        if (language == Language.Ko)
        {
            var ko = parts.Length == 2 ? $"제{parts[0]}조의{parts[1]}" : $"제{parts[0]}조";
            return Paragraph is { } p ? $"{ko}제{p}항" : ko;
        }

        var en = $"Art. {Article}";
        return Paragraph is { } q ? $"{en}({q})" : en;
    }

    public string Format(Language language)
    {
        var text = Article is null ? Statute.Name[language] : $"{Statute.Name[language]} {FormatArticle(language)}";
        return OwnPin ? text + (language == Language.Ko ? " (조문은 Jikimi 지정)" : " (article chosen by Jikimi)") : text;
    }
}
