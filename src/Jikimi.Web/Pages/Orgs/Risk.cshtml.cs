using Jikimi.Application.Organizations;
using Jikimi.Application.Risk;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>One risk's treatment (1.2.4) and its acceptance by management: PlanTreatment and AcceptRisk, as the API.</summary>
public sealed class RiskModel(ListRiskAssessments assessments, ListRisks risks, PlanTreatment planTreatment, AcceptRisk accept, ListMembers members) : OrgPage
{
    [FromRoute]
    public Guid RiskId { get; set; }

    public RiskAssessmentView? Assessment { get; private set; }

    public RiskView? Risk { get; private set; }

    public IReadOnlyList<MemberView> Members { get; private set; } = [];

    public bool CanEdit => Role.CanManageWorkspace();

    public bool CanApprove => Role.CanApproveRisk();

    public static readonly string[] Strategies = ["none", "reduce", "transfer", "avoid", "accept"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTreatmentAsync(
        string? strategy, string? plan, string? owner, DateOnly? dueDate, string? linkedControls, int? residualScore, bool completed, int version, CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        var controls = (linkedControls ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var r = await planTreatment.Handle(Access, Assessment!.Id, RiskId,
            new PlanTreatmentRequest(strategy, Empty(plan), Empty(owner), dueDate, controls, residualScore, completed, version), ct);
        return r.Error is { } e ? Fail(e) : Done(L("처리 계획을 저장했습니다.", "Treatment plan saved."));
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        var r = await accept.Handle(Access, Assessment!.Id, RiskId, ct);
        return r.Error is { } e ? Failed(e) : Done(L("위험 수용을 승인했습니다.", "Risk acceptance approved."));
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        Members = await members.Handle(Access, ct);
        foreach (var a in await assessments.Handle(Access, ct))
        {
            var page = 1;
            while ((await risks.Handle(Access, a.Id, new RiskFilter(Page: page, PageSize: ListRisks.MaxPageSize), ct)).Value is { } found && found.Items.Count > 0)
            {
                if (found.Items.FirstOrDefault(r => r.Id == RiskId) is { } risk)
                {
                    (Assessment, Risk) = (a, risk);
                    return true;
                }

                page++;
            }
        }

        return false;
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
