using Jikimi.Application.Common;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;

namespace Jikimi.Application.Assessments;

public sealed class GetAssessment(ListAssessments list)
{
    public async Task<Result<AssessmentView>> Handle(OrgAccess access, Guid id, CancellationToken ct)
    {
        var found = (await list.Query(id, ct)).FirstOrDefault();
        return found is null ? new NotFound("assessment", id.ToString()) : found;
    }
}
