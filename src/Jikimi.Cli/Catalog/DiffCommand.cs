using System.CommandLine;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Infrastructure;
using Spectre.Console;

namespace Jikimi.Cli.Catalog;

/// <summary>`jikimi catalog diff 2018 2023`: what changed between two editions, per id.</summary>
public static class DiffCommand
{
    public sealed record DiffRowDto(string Kind, string? From, string? FromTitleKo, IReadOnlyList<string> To, IReadOnlyList<string> ToTitlesKo, IReadOnlyList<string> Related, string? NoteKo, string? NoteEn, string? Confidence);

    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var from = new Argument<string>("from") { Description = "Older edition (2018, 7-2, 7-3)." };
        var to = new Argument<string>("to") { Description = "Newer edition (2023)." };
        var all = new Option<bool>("--all") { Description = "Also list the controls that stayed the same." };
        var format = CommonOptions.Format("table", "table", "json");
        var cmd = new Command("diff", "Compare two editions through their crosswalk (same, renamed, moved, merged, deleted, new; legacy editions: equal, subset, superset, intersects).") { from, to, all, format };
        cmd.SetAction(p =>
        {
            var catalog = CatalogCommands.Catalog;
            var a = CommonOptions.ParseEdition(p.GetValue(from));
            var b = CommonOptions.ParseEdition(p.GetValue(to));
            var found = catalog.FindCrosswalk(a, b)
                ?? throw new CliUsageException($"there is no crosswalk between {a.ShortName} and {b.ShortName} (try: diff 2018 2023, diff 7-2 2023, diff 7-3 2023, diff k-isms 2023, diff k-isms 2018)");
            var (cw, reversed) = found;
            var lang = common.LanguageOf(p);
            var source = catalog[cw.From];
            var target = catalog[cw.To];
            var rows = cw.Entries.Where(e => p.GetValue(all) || e.Kind != CrosswalkKind.Same).ToList();
            if (p.GetValue(format) == "json")
            {
                var dto = new
                {
                    from = cw.From.Value,
                    to = cw.To.Value,
                    reversed,
                    summary = cw.Entries.GroupBy(e => e.Kind).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count()),
                    entries = rows.Select(e => new DiffRowDto(
                        e.Kind.ToString().ToLowerInvariant(),
                        e.FromId,
                        e.FromId is null ? null : source.Find(e.FromId)?.Title.Ko,
                        e.ToIds,
                        e.ToIds.Select(t => target.Find(t)!.Title.Ko).ToArray(),
                        e.Related,
                        e.Note.Ko.Length > 0 ? e.Note.Ko : null,
                        e.Note.En.Length > 0 ? e.Note.En : null,
                        e.Confidence)),
                };
                ctx.Out.WriteLine(JsonSerializer.Serialize(dto, CatalogJson.Options));
                return ExitCodes.Ok;
            }

            if (reversed)
            {
                ctx.Console.MarkupLine(Markup.Escape(lang.T(
                    $"(대응표는 {cw.From.ShortName} → {cw.To.ShortName} 방향으로 표시합니다)",
                    $"(the crosswalk is shown in its own direction, {cw.From.ShortName} → {cw.To.ShortName})")));
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(cw.From.ShortName)
                .AddColumn(lang.T("변경", "Change"))
                .AddColumn(cw.To.ShortName)
                .AddColumn(lang.T("설명", "Note"));
            foreach (var e in rows)
            {
                var left = e.FromId is null ? "—" : $"{e.FromId} {source.Find(e.FromId)?.Title[lang]}";
                var right = e.ToIds.Count == 0 ? "—" : string.Join("\n", e.ToIds.Select(t => $"{t} {target.Find(t)?.Title[lang]}"));
                var note = e.Note[lang] + (e.Related.Count > 0 ? lang.T(" (관련: ", " (related: ") + string.Join(", ", e.Related) + ")" : string.Empty)
                    + ShowCommand.ConfidenceLabel(e.Confidence, lang);
                table.AddRow(Markup.Escape(left), Markup.Escape(ShowCommand.KindLabel(e.Kind, lang)), Markup.Escape(right), Markup.Escape(note.Trim()));
            }

            table.Caption = new TableTitle(Markup.Escape(string.Join(", ", cw.Entries.GroupBy(e => e.Kind).OrderBy(g => g.Key).Select(g => $"{ShowCommand.KindLabel(g.Key, lang)} {g.Count()}"))));
            ctx.Console.Write(table);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
