using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

public sealed class ListAssessments(JikimiDb db)
{
    /// <summary>The tenant's assessments; for an auditor only those their audits are attached to (<see cref="Audits.AuditorReach"/>).</summary>
    public Task<IReadOnlyList<AssessmentView>> Handle(OrgAccess access, CancellationToken ct) =>
        Query(null, ct, access.Role == Domain.Organizations.Role.Auditor ? access.Actor.UserId : null);

    /// <summary>All assessments of the tenant, or the one with this id.</summary>
    internal async Task<IReadOnlyList<AssessmentView>> Query(Guid? id, CancellationToken ct, Guid? auditor = null)
    {
        var all = db.Assessments.AsNoTracking();
        var visible = auditor is { } u ? all.Where(a => Audits.AuditorReach.Assessments(db, u).Contains(a.Id)) : all;
        var rows = await visible.Where(a => id == null || a.Id == id).OrderByDescending(a => a.Year).ThenBy(a => a.Edition)
            .Select(a => new
            {
                a.Id, a.Year, a.Edition, a.Certification, a.Title, a.StartedFromId, a.CreatedAt,
                Controls = db.ControlAssessments.Count(c => c.AssessmentId == a.Id),
                Items = db.CheckItemAssessments.Count(i => i.AssessmentId == a.Id),
            })
            .ToListAsync(ct);
        return rows.Select(a => new AssessmentView(a.Id, a.Year, a.Edition, a.Certification == Certification.Isms ? "isms" : "isms-p", a.Title, a.StartedFromId, a.CreatedAt, a.Controls, a.Items)).ToList();
    }
}
