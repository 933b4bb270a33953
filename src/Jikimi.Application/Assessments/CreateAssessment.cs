using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

/// <summary>What to carry over when a new year's assessment starts from last year's.</summary>
public sealed record StartFromOptions(Guid AssessmentId, bool ResetResults = true, bool ResetStatus = true, bool ResetStatement = false, bool KeepEvidenceLinks = true);

public sealed record CreateAssessmentRequest(int Year, string? Edition, string? Certification, string? Title, StartFromOptions? StartFrom);

/// <summary>
/// Creates an assessment with a control assessment per control in scope and a result row per check item, or
/// copies last year's (results, status and statement reset as the user chose). One transaction.
/// </summary>
public sealed class CreateAssessment(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<AssessmentView>> Handle(OrgAccess access, CreateAssessmentRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "create assessments").Error is { } denied)
        {
            return denied;
        }

        var scope = await db.Scopes.AsNoTracking().FirstAsync(ct);
        var editionText = string.IsNullOrWhiteSpace(req.Edition) ? scope.Edition : req.Edition;
        if (!EditionId.TryParse(editionText, out var editionId))
        {
            return new Invalid("edition", $"Unknown criteria edition '{editionText}'.");
        }

        var certification = scope.Certification;
        if (req.Certification is not null && !AppliesToExtensions.TryParseCertification(req.Certification, out certification))
        {
            return new Invalid("certification", "certification must be isms or isms-p.");
        }

        var edition = CriteriaCatalog.Embedded[editionId];
        if (edition.Controls.Any(c => c.CheckItems.Count == 0))
        {
            return new EditionWithoutCheckItems(editionId.ShortName);
        }

        if (await db.Assessments.AnyAsync(a => a.Year == req.Year && a.Edition == editionId.Value, ct))
        {
            return new AssessmentExists(req.Year, editionId.ShortName);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = Assessment.Create(access.OrganizationId, req.Year, editionId, certification, req.Title, req.StartFrom?.AssessmentId, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var assessment = created.Value!;
        db.Assessments.Add(assessment);
        var copied = req.StartFrom is { } from ? await CopyAsync(assessment, from, edition, certification, now, ct) : null;
        if (copied is { Error: { } copyError })
        {
            return copyError;
        }

        if (copied is null)
        {
            AddFresh(assessment, edition, certification, now);
        }

        audit.Record(access, AuditActions.AssessmentCreated, "assessment", assessment.Id, new { assessment.Year, edition = editionId.Value, certification = certification.ToString(), startedFrom = req.StartFrom?.AssessmentId });
        var saved = await audit.SaveAsync(ct);
        var controls = edition.InScope(certification).ToList();
        return saved.Error is { } se ? se : new AssessmentView(assessment.Id, assessment.Year, assessment.Edition, certification == Certification.Isms ? "isms" : "isms-p", assessment.Title, assessment.StartedFromId, assessment.CreatedAt, controls.Count, controls.Sum(c => c.CheckItems.Count));
    }

    private void AddFresh(Assessment assessment, Edition edition, Certification certification, DateTime now)
    {
        var position = 0;
        foreach (var c in edition.InScope(certification))
        {
            var ca = ControlAssessment.Create(assessment.OrganizationId, assessment.Id, c.Id, c.DomainId, c.SubdomainId, position++, now);
            db.ControlAssessments.Add(ca);
            foreach (var item in c.CheckItems)
            {
                db.CheckItemAssessments.Add(CheckItemAssessment.Create(ca, item.Id, item.Number, now));
            }
        }
    }

    private async Task<Result?> CopyAsync(Assessment target, StartFromOptions from, Edition edition, Certification certification, DateTime now, CancellationToken ct)
    {
        var source = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == from.AssessmentId, ct);
        if (source is null)
        {
            return new NotFound("assessment", from.AssessmentId.ToString());
        }

        if (source.Edition != target.Edition)
        {
            return new Invalid("startFrom", "The assessment to start from must use the same criteria edition.");
        }

        var oldControls = await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == source.Id).ToDictionaryAsync(c => c.ControlId, ct);
        var oldItems = (await db.CheckItemAssessments.AsNoTracking().Where(i => i.AssessmentId == source.Id).ToListAsync(ct)).ToDictionary(i => i.CheckItemId);
        var oldLinks = from.KeepEvidenceLinks
            ? (await db.EvidenceLinks.AsNoTracking()
                .Join(db.ControlAssessments.Where(c => c.AssessmentId == source.Id), l => l.ControlAssessmentId, c => c.Id, (l, c) => new { l.EvidenceId, c.ControlId, l.CheckItemId })
                .Join(db.Evidence.Where(e => e.DeletedAt == null), x => x.EvidenceId, e => e.Id, (x, e) => new { x.ControlId, x.CheckItemId, Evidence = e })
                .ToListAsync(ct)).ToLookup(x => x.ControlId)
            : null;
        var years = target.Year - source.Year;
        var position = 0;
        foreach (var c in edition.InScope(certification))
        {
            var ca = oldControls.TryGetValue(c.Id, out var old)
                ? old.CopyTo(target.Id, from.ResetStatus, from.ResetStatement, years, now)
                : ControlAssessment.Create(target.OrganizationId, target.Id, c.Id, c.DomainId, c.SubdomainId, position, now);
            position++;
            db.ControlAssessments.Add(ca);
            foreach (var item in c.CheckItems)
            {
                db.CheckItemAssessments.Add(oldItems.TryGetValue(item.Id, out var oi) ? oi.CopyTo(ca, from.ResetResults, now) : CheckItemAssessment.Create(ca, item.Id, item.Number, now));
            }

            foreach (var link in oldLinks?[c.Id] ?? [])
            {
                db.EvidenceLinks.Add(EvidenceLink.Create(link.Evidence, ca.Id, link.CheckItemId, now));
            }
        }

        return Result.Ok;
    }
}
