using Jikimi.Application.Assessments;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class AssessmentsModel(ListAssessments list, CreateAssessment create, TimeProvider clock) : OrgPage
{
    public IReadOnlyList<AssessmentView> Assessments { get; private set; } = [];

    public int DefaultYear => clock.GetUtcNow().Year;

    public async Task OnGetAsync(CancellationToken ct) => Assessments = await list.Handle(Access, ct);

    public async Task<IActionResult> OnPostAsync(int year, string? certification, string? title, Guid? startFrom, CancellationToken ct)
    {
        var from = startFrom is { } id ? new StartFromOptions(id, ResetResults: true, ResetStatus: true, ResetStatement: false, KeepEvidenceLinks: true) : null;
        var r = await create.Handle(Access, new CreateAssessmentRequest(year, null, string.IsNullOrEmpty(certification) ? null : certification, string.IsNullOrWhiteSpace(title) ? null : title, from), ct);
        if (r.Error is { } e)
        {
            Assessments = await list.Handle(Access, ct);
            return Fail(e);
        }

        return Done(L("점검을 만들었습니다.", "Assessment created."), OrgUrl($"/assessments/{r.Value!.Id}/controls"));
    }
}
