using Jikimi.Application.Common;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

public sealed class GetRiskAssessment(ListRiskAssessments list)
{
    public async Task<Result<RiskAssessmentView>> Handle(OrgAccess access, Guid id, CancellationToken ct) =>
        (await list.Query(id, ct)).FirstOrDefault() is { } found ? found : new NotFound("risk_assessment", id.ToString());
}
