namespace Jikimi.Catalog.Model;

/// <summary>A Korean statute, regulation or notice, by a stable code.</summary>
public sealed record Statute(string Code, LocalizedText Name);

/// <summary>A reference to an article (and optionally a paragraph) of a statute: a fact, not a text.</summary>
public sealed record LawReference(Statute Statute, string Article, int? Paragraph)
{
    /// <summary>"제24조의2제1항" / "Art. 24-2(1)".</summary>
    public string FormatArticle(Language language)
    {
        var parts = Article.Split('-', 2);
        if (language == Language.Ko)
        {
            var ko = parts.Length == 2 ? $"제{parts[0]}조의{parts[1]}" : $"제{parts[0]}조";
            return Paragraph is { } p ? $"{ko}제{p}항" : ko;
        }

        var en = $"Art. {Article}";
        return Paragraph is { } q ? $"{en}({q})" : en;
    }

    public string Format(Language language) => $"{Statute.Name[language]} {FormatArticle(language)}";
}
