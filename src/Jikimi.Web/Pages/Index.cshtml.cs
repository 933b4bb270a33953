using Jikimi.Application.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages;

public sealed class IndexModel(ListMyOrganizations list, CreateOrganization create) : UiPage
{
    public IReadOnlyList<OrganizationView> Organizations { get; private set; } = [];

    public bool CanCreate => Actor.IsSystemAdministrator;

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Organizations = await list.Handle(Actor, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var created = await create.Handle(Actor, new CreateOrganizationRequest(Name), ct);
        if (created.Error is { } e)
        {
            Organizations = await list.Handle(Actor, ct);
            return Fail(e);
        }

        Flash = L("조직을 만들었습니다. 인증 범위부터 정하세요.", "Organization created. Start with its scope.");
        return Redirect($"/orgs/{created.Value!.Id}/scope");
    }
}
