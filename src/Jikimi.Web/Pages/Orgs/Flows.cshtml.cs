using Jikimi.Application.Flows;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>Personal-information lifecycle tables per service and their flow diagrams: the use cases behind /api/v1/orgs/{orgId}/pi-flows.</summary>
public sealed class FlowsModel(GetFlowTable table, AddFlow add, UpdateFlow update, DeleteFlow delete) : OrgPage
{
    public IReadOnlyList<ServiceFlowView> Services { get; private set; } = [];

    public FlowRowView? Editing { get; private set; }

    public bool CanEdit => Role.CanManageWorkspace();

    public static IEnumerable<LifecycleStage> Stages => Enum.GetValues<LifecycleStage>();

    public async Task<IActionResult> OnGetAsync(Guid? edit, CancellationToken ct)
    {
        await Load(ct);
        if (edit is { } id)
        {
            Editing = Services.SelectMany(s => s.Rows).FirstOrDefault(r => r.Id == id);
            if (Editing is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    /// <summary>The renderer escapes every text it draws (Svg.Escape), so its output is embedded as markup.</summary>
    public static IHtmlContent Diagram(ServiceFlowView service) => new HtmlString(FlowDiagramSvg.Render(service, Lang.Catalog));

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, string? service, string? stage, string? items, string? legalBasis, string? systems, string? recipients, CancellationToken ct)
    {
        var req = new FlowRequest(service, stage, items, Empty(legalBasis), Empty(systems), Empty(recipients));
        var r = id is { } existing ? await update.Handle(Access, existing, req, ct) : await add.Handle(Access, req, ct);
        if (r.Error is { } e)
        {
            await Load(ct);
            return Fail(e);
        }

        return Done(L("저장했습니다.", "Saved."), OrgUrl("/flows"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var r = await delete.Handle(Access, id, ct);
        return r.Error is { } e ? Failed(e, OrgUrl("/flows")) : Done(L("삭제했습니다.", "Removed."), OrgUrl("/flows"));
    }

    private async Task Load(CancellationToken ct) => Services = await table.Handle(Access, null, ct);

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
