using System.CommandLine;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Prowler;
using Jikimi.Cli.Infrastructure;
using Spectre.Console;

namespace Jikimi.Cli.Catalog;

/// <summary>`jikimi catalog browse`: the catalog in the terminal — pick an edition, a sub-domain, a control.</summary>
public static class BrowseCommand
{
    private const string Back = "←";

    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var edition = CommonOptions.Edition("2023");
        var cmd = new Command("browse", "Browse the catalog interactively in the terminal (arrow keys, Enter; Ctrl+C to quit).") { edition };
        cmd.SetAction(p =>
        {
            var lang = common.LanguageOf(p);
            var catalog = CatalogCommands.Catalog;
            var ed = catalog[CommonOptions.ParseEdition(p.GetValue(edition))];
            if (!ctx.Interactive || !ctx.Console.Profile.Capabilities.Interactive)
            {
                ListCommand.WriteTable(ctx, ed, ed.Controls, lang);
                ctx.Console.WriteLine(lang.T(
                    "(대화형 터미널이 아니어서 목록만 표시했습니다. 'jikimi catalog show <항목>'으로 상세를 보세요.)",
                    "(Not an interactive terminal, so the list is shown. Use 'jikimi catalog show <id>' for details.)"));
                return ExitCodes.Ok;
            }

            var layers = new OverlayStore(common.DataDirOf(p)).LoadAll(out _);
            while (true)
            {
                var sub = ctx.Console.Prompt(new SelectionPrompt<Subdomain>()
                    .Title(Markup.Escape($"{ed.Name[lang]} — {lang.T("분야를 고르세요", "choose a sub-domain")}"))
                    .PageSize(22)
                    .UseConverter(s => Markup.Escape($"{s.Id} {s.Title[lang]} ({s.Controls.Count})"))
                    .AddChoices(ed.Subdomains));
                while (true)
                {
                    var choice = ctx.Console.Prompt(new SelectionPrompt<string>()
                        .Title(Markup.Escape($"{sub.Id} {sub.Title[lang]}"))
                        .PageSize(15)
                        .UseConverter(id => id == Back ? lang.T("← 분야 목록", "← sub-domains") : Markup.Escape($"{id} {ed.Find(id)!.Title[lang]}"))
                        .AddChoices(sub.Controls.Select(c => c.Id).Append(Back)));
                    if (choice == Back)
                    {
                        break;
                    }

                    ShowCommand.Render(ctx.Console, catalog, ed, ed.Find(choice)!, ed.Id == EditionId.IsmsP2023 ? layers : [], lang);
                    ctx.Console.WriteLine();
                }
            }
        });
        return cmd;
    }
}
