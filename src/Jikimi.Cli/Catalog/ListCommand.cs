using System.CommandLine;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Infrastructure;
using Jikimi.Input;
using Spectre.Console;

namespace Jikimi.Cli.Catalog;

/// <summary>`jikimi catalog list`: every control of an edition, as a table, JSON or CSV.</summary>
public static class ListCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var edition = CommonOptions.Edition("2023");
        var scope = new Option<string>("--scope", "-s") { Description = "isms (domains 1–2) or isms-p (all). Default: all." };
        scope.AcceptOnlyFromAmong("isms", "isms-p");
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var cmd = new Command("list", "List the controls of an edition.") { edition, scope, format };
        cmd.SetAction(p =>
        {
            if (CatalogCommands.Catalog.LegacySchemes.TryGetValue(p.GetValue(edition)?.Trim().ToLowerInvariant() ?? string.Empty, out var scheme))
            {
                return SchemeOutput.Write(ctx, scheme, p.GetValue(format) == "json", common.LanguageOf(p));
            }

            var ed = CatalogCommands.Catalog[CommonOptions.ParseEdition(p.GetValue(edition))];
            var controls = p.GetValue(scope) is { } s && AppliesToExtensions.TryParseCertification(s, out var sc)
                ? ed.InScope(sc).ToArray()
                : ed.Controls.ToArray();
            var lang = common.LanguageOf(p);
            switch (p.GetValue(format))
            {
                case "json":
                    ctx.Out.WriteLine(JsonSerializer.Serialize(controls.Select(c => CatalogJson.ToDto(ed, c)), CatalogJson.Options));
                    break;
                case "csv":
                    WriteCsv(ctx.Out, ed, controls);
                    break;
                default:
                    WriteTable(ctx, ed, controls, lang);
                    break;
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static void WriteTable(CliContext ctx, Edition ed, IReadOnlyList<Control> controls, Language lang)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(lang.T("항목", "ID"))
            .AddColumn(lang.T("분야", "Sub-domain"))
            .AddColumn(lang.T("항목명", "Title"))
            .AddColumn(lang.T("적용", "Applies to"))
            .AddColumn(new TableColumn(lang.T("확인사항", "Checks")).RightAligned());
        if (ed.Id == EditionId.Simplified72 || ed.Id == EditionId.Simplified73)
        {
            table.AddColumn(lang.T("별표 7 대응", "Annex 7"));
        }

        foreach (var c in controls)
        {
            var sub = ed.Subdomains.First(s => s.Id == c.SubdomainId);
            var row = new List<string>
            {
                c.Id,
                $"{sub.Id} {sub.Title[lang]}",
                c.Title[lang],
                c.AppliesTo == AppliesTo.Isms ? "ISMS, ISMS-P" : "ISMS-P",
                c.CheckItemCount > 0 ? c.CheckItemCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-",
            };
            if (c.MapsTo.Count > 0)
            {
                row.Add(string.Join(", ", c.MapsTo));
            }

            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        table.Title = new TableTitle(Markup.Escape(ed.Name[lang]));
        var items = controls.Sum(c => c.CheckItemCount);
        table.Caption = new TableTitle(Markup.Escape(lang.T(
            $"통제항목 {controls.Count}개" + (items > 0 ? $", 주요 확인사항 {items}개" : string.Empty),
            $"{controls.Count} controls" + (items > 0 ? $", {items} check items" : string.Empty))));
        ctx.Console.Write(table);
    }

    private static void WriteCsv(TextWriter w, Edition ed, IEnumerable<Control> controls)
    {
        w.WriteLine(CsvWriter.Line(["edition", "id", "domain", "subdomain", "titleKo", "titleEn", "appliesTo", "checkItemCount", "mapsTo"]));
        foreach (var c in controls)
        {
            w.WriteLine(CsvWriter.Line([ed.Id.Value, c.Id, c.DomainId, c.SubdomainId, c.Title.Ko, c.Title.En, c.AppliesTo.ToWire(), c.CheckItemCount.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(' ', c.MapsTo)]));
        }
    }
}
