using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Infrastructure;
using Spectre.Console;

namespace Jikimi.Cli.Catalog;

/// <summary>`catalog list --edition k-pims`: a scheme known only in outline — its editions, counts, sources and caveats.</summary>
internal static class SchemeOutput
{
    public static int Write(CliContext ctx, LegacyScheme scheme, bool json, Language lang)
    {
        if (json)
        {
            var dto = new
            {
                scheme = scheme.Id,
                nameKo = scheme.Name.Ko,
                nameEn = scheme.Name.En,
                noteKo = scheme.Note.Ko,
                noteEn = scheme.Note.En,
                itemsEncoded = false,
                editions = scheme.Editions.Select(e => new
                {
                    id = e.Id,
                    nameKo = e.Name.Ko,
                    nameEn = e.Name.En,
                    effectiveFrom = e.EffectiveFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    effectiveTo = e.EffectiveTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    itemCount = e.ItemCount,
                    countSource = e.CountSource,
                    confidence = e.Confidence,
                    structureKo = e.Structure.Ko,
                    structureEn = e.Structure.En,
                    structureConfidence = e.StructureConfidence,
                }),
                sourcesTried = scheme.SourcesTried,
            };
            ctx.Out.WriteLine(JsonSerializer.Serialize(dto, CatalogJson.Options));
            return ExitCodes.Ok;
        }

        ctx.Console.MarkupLine($"[bold]{Markup.Escape(scheme.Name[lang])}[/]");
        ctx.Console.WriteLine(scheme.Note[lang]);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(lang.T("판", "Edition"))
            .AddColumn(lang.T("시행", "In force"))
            .AddColumn(new TableColumn(lang.T("항목 수", "Items")).RightAligned())
            .AddColumn(lang.T("구성", "Structure"))
            .AddColumn(lang.T("출처", "Source"));
        foreach (var e in scheme.Editions)
        {
            var period = e.EffectiveFrom is null ? lang.T("미확인", "unknown") : $"{e.EffectiveFrom:yyyy-MM-dd} – {e.EffectiveTo:yyyy-MM-dd}";
            table.AddRow(
                Markup.Escape($"{e.Id}\n{e.Name[lang]}"),
                Markup.Escape(period),
                Markup.Escape($"{e.ItemCount}{Label(e.Confidence, lang)}"),
                Markup.Escape($"{e.Structure[lang]}{Label(e.StructureConfidence, lang)}"),
                Markup.Escape(e.CountSource));
        }

        ctx.Console.Write(table);
        ctx.Console.WriteLine(lang.T("찾아본 출처:", "Sources tried:"));
        foreach (var s in scheme.SourcesTried)
        {
            ctx.Console.WriteLine("  - " + s);
        }

        return ExitCodes.Ok;
    }

    private static string Label(string confidence, Language lang) => confidence switch
    {
        "M" => lang.T(" [미확인]", " [unconfirmed]"),
        "S" => lang.T(" [2차 출처]", " [secondary source]"),
        _ => string.Empty,
    };
}
