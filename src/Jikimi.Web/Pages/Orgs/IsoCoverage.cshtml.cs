using Jikimi.Application.Assessments;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>
/// ISO/IEC 27001 (27017, 27018) coverage of an assessment through the crosswalk (ADR 0048): which ISO controls the
/// linked evidence covers, and which ISMS-P controls go beyond the framework.
/// </summary>
public sealed class IsoCoverageModel(GetIsoCoverage get) : OrgPage
{
    public static readonly string[] Frameworks = ["iso27001-2022", "iso27017-2015", "iso27018-2019"];

    [FromRoute]
    public Guid AssessmentId { get; set; }

    [FromQuery(Name = "framework")]
    public string? Framework { get; set; }

    public IsoCoverageView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await get.Handle(Access, AssessmentId, Frameworks.Contains(Framework) ? Framework : null, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        View = r.Value!;
        return Page();
    }

    public static string RelationName(string relation) => relation switch
    {
        "equal" => L("동일", "equal"),
        "subset" => L("부분집합", "subset"),
        "superset" => L("상위집합", "superset"),
        _ => L("교차", "intersects"),
    };
}
