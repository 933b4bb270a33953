using Jikimi.Application.Assessments;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class ControlsModel(GetAssessment get, ListControls list) : OrgPage
{
    [FromRoute]
    public Guid AssessmentId { get; set; }

    public AssessmentView? Assessment { get; private set; }

    public ControlFilter Filter { get; private set; } = new();

    public IReadOnlyList<ControlRow> Rows { get; private set; } = [];

    public IReadOnlyList<Subdomain> Subdomains { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? status, string? result, string? subdomain, bool overdue, CancellationToken ct)
    {
        var a = await get.Handle(Access, AssessmentId, ct);
        if (a.Error is not null)
        {
            return NotFound();
        }

        Assessment = a.Value;
        Filter = new ControlFilter(NullIfEmpty(status), NullIfEmpty(result), null, NullIfEmpty(subdomain), overdue);
        var rows = await list.Handle(Access, AssessmentId, Filter, ct);
        if (rows.Error is { } e)
        {
            return Fail(e);
        }

        Rows = rows.Value!;
        Subdomains = EditionId.TryParse(Assessment!.Edition, out var ed) && CriteriaCatalog.Embedded.Editions.TryGetValue(ed, out var edition) ? edition.Subdomains.ToList() : [];
        return Page();
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
