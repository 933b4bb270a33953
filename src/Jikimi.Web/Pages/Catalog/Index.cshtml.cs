using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Search;
using Jikimi.Web.Ui;

namespace Jikimi.Web.Pages.Catalog;

public sealed class CatalogIndexModel : UiPage
{
    public IReadOnlyList<Edition> Editions { get; } = CriteriaCatalog.Embedded.Editions.Values.ToList();

    public Edition? Edition { get; private set; }

    public string? Domain { get; private set; }

    public string? Query { get; private set; }

    public string? Scope { get; private set; }

    public IReadOnlyList<Control> Controls { get; private set; } = [];

    public void OnGet(string? edition, string? domain, string? q, string? scope)
    {
        var catalog = CriteriaCatalog.Embedded;
        Edition = EditionId.TryParse(edition, out var id) && catalog.Editions.TryGetValue(id, out var e) ? e : catalog[EditionId.IsmsP2023];
        (Domain, Query, Scope) = (string.IsNullOrEmpty(domain) ? null : domain, q?.Trim(), scope);
        IEnumerable<Control> controls = Scope == "isms" ? Edition.InScope(Certification.Isms) : Edition.Controls;
        if (Domain is not null)
        {
            controls = controls.Where(c => c.DomainId == Domain);
        }

        Controls = string.IsNullOrWhiteSpace(Query) ? controls.ToList() : CatalogSearch.Search(controls, Query!).Select(h => h.Control).ToList();
    }
}
