using System.CommandLine;
using System.Text.Json;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Search;
using Jikimi.Cli.Infrastructure;
using Spectre.Console;

namespace Jikimi.Cli.Catalog;

/// <summary>
/// `jikimi catalog map iso27001 5.15` (an ISO control → ISMS-P 2023 controls) and `jikimi catalog map isms-p 2.5.1`
/// (an ISMS-P control → the ISO/IEC 27001, 27017 and 27018 controls mapped to it).
/// </summary>
public static class MapCommand
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iso27001"] = ReferenceFramework.Iso27001, ["27001"] = ReferenceFramework.Iso27001, [ReferenceFramework.Iso27001] = ReferenceFramework.Iso27001,
        ["iso27017"] = ReferenceFramework.Iso27017, ["27017"] = ReferenceFramework.Iso27017, [ReferenceFramework.Iso27017] = ReferenceFramework.Iso27017,
        ["iso27018"] = ReferenceFramework.Iso27018, ["27018"] = ReferenceFramework.Iso27018, [ReferenceFramework.Iso27018] = ReferenceFramework.Iso27018,
    };

    public sealed record PairDto(string Framework, string FrameworkControl, string? FrameworkTitle, string Control, string ControlTitleKo, string ControlTitleEn, string Relation, string RationaleKo, string RationaleEn);

    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var framework = new Argument<string>("framework") { Description = "iso27001, iso27017, iso27018 (from that framework) or isms-p (to the frameworks)." };
        var id = new Argument<string>("id") { Description = "Control id, e.g. 5.15 (A.5.15), CLD.6.3.1 or 2.5.1." };
        var format = CommonOptions.Format("table", "table", "json");
        var cmd = new Command("map", "Show how ISO/IEC 27001:2022, 27017 and 27018 controls map to ISMS-P 2023, either way.") { framework, id, format };
        cmd.SetAction(p =>
        {
            var catalog = CatalogCommands.Catalog;
            var pairs = Resolve(catalog, p.GetValue(framework)!, p.GetValue(id)!);
            var lang = common.LanguageOf(p);
            if (p.GetValue(format) == "json")
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(pairs, CatalogJson.Options));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(lang.T("표준", "Framework"))
                .AddColumn(lang.T("통제", "Control"))
                .AddColumn("ISMS-P 2023")
                .AddColumn(lang.T("관계", "Relation"))
                .AddColumn(lang.T("근거", "Rationale"));
            foreach (var x in pairs)
            {
                table.AddRow(
                    Markup.Escape(x.Framework),
                    Markup.Escape(x.FrameworkTitle is null ? x.FrameworkControl : $"{x.FrameworkControl} {x.FrameworkTitle}"),
                    Markup.Escape($"{x.Control} {lang.T(x.ControlTitleKo, x.ControlTitleEn)}"),
                    x.Relation,
                    Markup.Escape(lang.T(x.RationaleKo, x.RationaleEn)));
            }

            table.Caption = new TableTitle(lang.T(
                $"{pairs.Count}개 대응 · Jikimi 팀의 판단이며 공식 대응표가 아닙니다",
                $"{pairs.Count} pairs · the Jikimi team's judgement, not an official mapping"));
            ctx.Console.Write(table);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The pairs for one control, either direction; an unknown framework or id is a usage error naming it.</summary>
    public static IReadOnlyList<PairDto> Resolve(CriteriaCatalog catalog, string framework, string id)
    {
        var edition = catalog[EditionId.IsmsP2023];
        var f = framework.Trim();
        if (f.Equals("isms-p", StringComparison.OrdinalIgnoreCase) || f.Equals("ismsp", StringComparison.OrdinalIgnoreCase) || EditionId.TryParse(f, out var e) && e == EditionId.IsmsP2023)
        {
            var control = CatalogCommands.FindOrSuggest(edition, id);
            return catalog.MappedTo(new ControlRef(edition.Id, control.Id)).Select(m => Dto(m.Framework, m.Pair, edition)).ToList();
        }

        if (!Aliases.TryGetValue(f, out var frameworkId) || !catalog.Frameworks.TryGetValue(frameworkId, out var fw))
        {
            throw new CliUsageException($"unknown framework '{f}' (use iso27001, iso27017, iso27018 or isms-p)");
        }

        var source = fw.Find(id);
        if (source is null)
        {
            var near = IdSuggestions.Nearest(id, fw.Controls.Select(c => c.Id));
            var hint = near.Count > 0 ? $" Did you mean {string.Join(", ", near)}?" : string.Empty;
            throw new CliUsageException($"'{id.Trim()}' is not a control of {fw.Id} ({fw.Name.En}).{hint}");
        }

        var mapping = catalog.MappingFor(fw.Id, edition.Id);
        return mapping is null ? [] : mapping.FromSource(source.Id).Select(pair => Dto(fw, pair, edition)).ToList();
    }

    private static PairDto Dto(ReferenceFramework fw, MappingPair pair, Edition edition)
    {
        var target = edition.Find(pair.TargetId)!;
        return new PairDto(
            fw.Id,
            pair.SourceId,
            fw.Find(pair.SourceId)?.TitleEn,
            target.Id,
            target.Title.Ko,
            target.Title.En,
            pair.Relation.ToString().ToLowerInvariant(),
            pair.Rationale.Ko,
            pair.Rationale.En);
    }
}
