using Jikimi.Application.Audits;
using Jikimi.Web.Ui;

namespace Jikimi.Web.Pages;

/// <summary>"My audits": every audit the signed-in user is assigned to as auditor, across organizations (issue 16).</summary>
public sealed class MyAuditsModel(ListMyAudits list) : UiPage
{
    public IReadOnlyList<MyAuditView> Audits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Audits = await list.Handle(Actor, Principal!.TokenOrganizationId, ct);
}
