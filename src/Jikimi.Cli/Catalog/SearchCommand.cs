using System.CommandLine;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Search;
using Jikimi.Cli.Infrastructure;
using Spectre.Console;

namespace Jikimi.Cli.Catalog;

/// <summary>`jikimi catalog search &lt;words&gt;`: Korean and English, ids and text.</summary>
public static class SearchCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var words = new Argument<string[]>("words") { Description = "Words to find (all must match), e.g. 비밀번호, password, 2.5.", Arity = ArgumentArity.OneOrMore };
        var edition = new Option<string>("--edition", "-e") { Description = "2023 (default), 2018, 7-2, 7-3 or all.", DefaultValueFactory = _ => "2023" };
        edition.AcceptOnlyFromAmong([.. EditionId.All.Select(e => e.ShortName), .. EditionId.All.Select(e => e.Value), "all"]);
        var format = CommonOptions.Format("table", "table", "json");
        var cmd = new Command("search", "Search controls by words (Korean or English), ids and text.") { words, edition, format };
        cmd.SetAction(p =>
        {
            var catalog = CatalogCommands.Catalog;
            var query = string.Join(' ', p.GetValue(words) ?? []);
            var editions = p.GetValue(edition) == "all"
                ? catalog.Editions.Values.ToArray()
                : [catalog[CommonOptions.ParseEdition(p.GetValue(edition))]];
            var hits = editions.SelectMany(e => CatalogSearch.Search(e.Controls, query)).OrderByDescending(h => h.Score).ToList();
            var lang = common.LanguageOf(p);
            if (p.GetValue(format) == "json")
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(
                    hits.Select(h => new { edition = h.Control.Edition.Value, id = h.Control.Id, titleKo = h.Control.Title.Ko, titleEn = h.Control.Title.En, score = h.Score, matchedIn = h.MatchedIn }),
                    CatalogJson.Options));
                return ExitCodes.Ok;
            }

            if (hits.Count == 0)
            {
                ctx.Console.WriteLine(lang.T($"'{query}'에 맞는 항목이 없습니다.", $"No control matches '{query}'."));
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(lang.T("기준", "Edition"))
                .AddColumn(lang.T("항목", "ID"))
                .AddColumn(lang.T("항목명", "Title"))
                .AddColumn(lang.T("일치 위치", "Matched in"));
            foreach (var h in hits)
            {
                table.AddRow(h.Control.Edition.ShortName, h.Control.Id, Markup.Escape(h.Control.Title[lang]), string.Join(", ", h.MatchedIn));
            }

            table.Caption = new TableTitle(lang.T($"{hits.Count}개 항목", $"{hits.Count} controls"));
            ctx.Console.Write(table);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
