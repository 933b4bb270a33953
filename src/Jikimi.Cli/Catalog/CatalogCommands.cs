using System.CommandLine;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Search;

namespace Jikimi.Cli.Catalog;

/// <summary>`jikimi catalog …`: browse, list, show, diff and search the criteria; import Prowler's official wording.</summary>
public static class CatalogCommands
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var catalog = new Command("catalog", "Browse the ISMS-P criteria catalogs (2023, 2018, simplified sets 7-2 and 7-3).");
        catalog.Subcommands.Add(ListCommand.Build(ctx, common));
        catalog.Subcommands.Add(ShowCommand.Build(ctx, common));
        catalog.Subcommands.Add(DiffCommand.Build(ctx, common));
        catalog.Subcommands.Add(SearchCommand.Build(ctx, common));
        catalog.Subcommands.Add(MapCommand.Build(ctx, common));
        catalog.Subcommands.Add(ImportProwlerCommand.Build(ctx, common));
        catalog.Subcommands.Add(BrowseCommand.Build(ctx, common));
        return catalog;
    }

    /// <summary>Finds a control or fails with the nearest ids of that edition.</summary>
    public static Control FindOrSuggest(Edition edition, string id)
    {
        var control = edition.Find(id);
        if (control is not null)
        {
            return control;
        }

        var near = IdSuggestions.Nearest(id, edition.Controls.Select(c => c.Id));
        var hint = near.Count > 0 ? $" Did you mean {string.Join(", ", near)}?" : string.Empty;
        throw new CliUsageException($"'{id.Trim()}' is not a control of {edition.Id.ShortName} ({edition.Name.En}).{hint}");
    }

    public static CriteriaCatalog Catalog => CriteriaCatalog.Embedded;

    public static string T(this Language lang, string ko, string en) => lang == Language.Ko ? ko : en;
}
