using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Prowler;

namespace Jikimi.Cli.Catalog;

/// <summary>
/// The stable JSON shape of `jikimi catalog ... --format json` (documented in docs/cli.md). Add fields, never
/// rename or remove them.
/// </summary>
public static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record CheckItemDto(string Id, string TextKo, string TextEn, string? BasedOn = null);

    public sealed record TextDto(string Ko, string En);

    public sealed record LawDto(string Code, string StatuteKo, string StatuteEn, string? Article, int? Paragraph, string CiteKo, string CiteEn, bool OwnPin, string? TextAsOf);

    public sealed record RelationDto(string Edition, string Kind, string Direction, string? From, IReadOnlyList<string> To, IReadOnlyList<string> Related, string? NoteKo, string? NoteEn, string? Confidence);

    public sealed record OfficialDto(string Language, string Label, string Name, string Description, IReadOnlyList<string> CheckItems, IReadOnlyList<string> Evidence, IReadOnlyList<string> DefectCases, IReadOnlyList<string> RelatedRegulations, IReadOnlyList<string> AwsChecks);

    public sealed record ControlDto(
        string Edition,
        string Id,
        string Domain,
        string DomainTitleKo,
        string DomainTitleEn,
        string Subdomain,
        string SubdomainTitleKo,
        string SubdomainTitleEn,
        string TitleKo,
        string TitleEn,
        string AppliesTo,
        string? CriterionKo,
        string? CriterionEn,
        int CheckItemCount,
        IReadOnlyList<CheckItemDto> CheckItems,
        IReadOnlyList<TextDto> Evidence,
        IReadOnlyList<LawDto> Laws,
        IReadOnlyList<string> MapsTo,
        string? Confidence,
        IReadOnlyList<RelationDto>? Crosswalk = null,
        IReadOnlyList<OfficialDto>? Official = null,
        string? Source = null);

    public static ControlDto ToDto(Edition edition, Control c, CriteriaCatalog? withRelations = null, IEnumerable<OfficialWordingLayer>? official = null)
    {
        var domain = edition.Domains.First(d => d.Id == c.DomainId);
        var sub = domain.Subdomains.First(s => s.Id == c.SubdomainId);
        return new ControlDto(
            edition.Id.Value,
            c.Id,
            domain.Id,
            domain.Title.Ko,
            domain.Title.En,
            sub.Id,
            sub.Title.Ko,
            sub.Title.En,
            c.Title.Ko,
            c.Title.En,
            c.AppliesTo.ToWire(),
            c.Criterion?.Ko,
            c.Criterion?.En,
            c.CheckItemCount,
            c.CheckItems.Select(i => new CheckItemDto(i.Id, i.Text.Ko, i.Text.En, i.BasedOn)).ToArray(),
            c.Evidence.Select(e => new TextDto(e.Ko, e.En)).ToArray(),
            c.Laws.Select(l => new LawDto(l.Statute.Code, l.Statute.Name.Ko, l.Statute.Name.En, l.Article, l.Paragraph, l.Format(Language.Ko), l.Format(Language.En), l.OwnPin, l.Statute.TextAsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToArray(),
            c.MapsTo,
            c.Confidence,
            withRelations?.RelationsOf(c.Ref).Select(r => new RelationDto(
                (r.Reversed ? r.Crosswalk.From : r.Crosswalk.To).Value,
                r.Entry.Kind.ToString().ToLowerInvariant(),
                r.Reversed ? "from" : "to",
                r.Entry.FromId,
                r.Entry.ToIds,
                r.Entry.Related,
                NullIfEmpty(r.Entry.Note.Ko),
                NullIfEmpty(r.Entry.Note.En),
                r.Entry.Confidence)).ToArray(),
            official?.Where(l => l.Controls.ContainsKey(c.Id)).Select(l =>
            {
                var w = l.Controls[c.Id];
                return new OfficialDto(l.Language.ToString().ToLowerInvariant(), OfficialWordingLayer.Label, w.Name, w.Description, w.CheckItems, w.Evidence, w.DefectCases, w.RelatedRegulations, w.AwsChecks);
            }).ToArray(),
            c.Source);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
