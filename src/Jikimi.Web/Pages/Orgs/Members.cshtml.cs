using Jikimi.Application.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class MembersModel(ListMembers list, AddMember add, ChangeMemberRole change, RemoveMember remove, SetMfaRequirement mfa) : OrgPage
{
    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public string? InvitationToken { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Members = await list.Handle(Access, ct);

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? displayName, string? role, CancellationToken ct)
    {
        var r = await add.Handle(Access, new AddMemberRequest(email, displayName, role), ct);
        Members = await list.Handle(Access, ct);
        if (r.Error is { } e)
        {
            return Fail(e);
        }

        // Shown on this response only (not through a redirect or cookie): the token is a credential.
        InvitationToken = r.Value!.InvitationToken;
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(Guid userId, string? role, CancellationToken ct)
    {
        var r = await change.Handle(Access, userId, new ChangeRoleRequest(role), ct);
        return r.Error is { } e ? Failed(e) : Done(L("역할을 바꿨습니다.", "Role changed."));
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken ct)
    {
        var r = await remove.Handle(Access, userId, ct);
        return r.Error is { } e ? Failed(e) : Done(L("제외했습니다.", "Removed."));
    }

    public async Task<IActionResult> OnPostMfaAsync(bool required, CancellationToken ct)
    {
        var r = await mfa.Handle(Access, new MfaRequirementRequest(required), ct);
        return r.Error is { } e ? Failed(e) : Done(L("로그인 규칙을 저장했습니다.", "Sign-in rule saved."));
    }
}
