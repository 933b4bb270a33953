using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Assessments;

public sealed record IsoMappedControl(string ControlId, string Relation, int Evidence, string Result);

/// <param name="Covered">Evidence is linked to at least one ISMS-P control this ISO control maps to (link once, shown on both).</param>
public sealed record IsoControlCoverage(string Id, string? Title, string? SummaryKo, string? SummaryEn, bool Covered, IReadOnlyList<IsoMappedControl> Controls);

/// <param name="BeyondIso">ISMS-P controls of the assessment that no control of the framework maps to: what ISMS-P asks beyond it.</param>
public sealed record IsoCoverageView(
    string Framework, string NameKo, string NameEn, int Covered, int Total, IReadOnlyList<IsoControlCoverage> Controls, IReadOnlyList<string> BeyondIso);

/// <summary>
/// Which ISO/IEC 27001 (27017, 27018) controls an assessment's evidence covers, through the relation-typed crosswalk
/// (ADR 0048): each ISO control with the ISMS-P controls it maps to, their evidence count and result, and the ISMS-P
/// controls no ISO control reaches.
/// </summary>
public sealed class GetIsoCoverage(JikimiDb db)
{
    public async Task<Result<IsoCoverageView>> Handle(OrgAccess access, Guid assessmentId, string? framework, CancellationToken ct)
    {
        _ = access;
        var catalog = CriteriaCatalog.Embedded;
        var key = string.IsNullOrWhiteSpace(framework) ? ReferenceFramework.Iso27001 : framework.Trim().ToLowerInvariant();
        if (!catalog.Frameworks.TryGetValue(key, out var f))
        {
            return new Invalid("framework", $"framework must be one of {string.Join(", ", catalog.Frameworks.Keys.Order(StringComparer.Ordinal))}.");
        }

        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var controls = await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == assessmentId)
            .Select(c => new { c.Id, c.ControlId, c.Applicable }).ToListAsync(ct);
        var items = await db.CheckItemAssessments.AsNoTracking().Where(i => i.AssessmentId == assessmentId)
            .Select(i => new { i.ControlAssessmentId, i.Result }).ToListAsync(ct);
        var evidence = await db.EvidenceLinks.AsNoTracking()
            .Join(db.Evidence.Where(e => e.DeletedAt == null), l => l.EvidenceId, e => e.Id, (l, e) => new { l.ControlAssessmentId, l.EvidenceId })
            .Where(l => controls.Select(c => c.Id).Contains(l.ControlAssessmentId))
            .Distinct().ToListAsync(ct);
        string ResultOf(Guid controlAssessmentId, bool applicable)
        {
            var r = items.Where(i => i.ControlAssessmentId == controlAssessmentId).Select(i => i.Result).ToList();
            int N(CheckResult x) => r.Count(y => y == x);
            var counts = applicable
                ? new ResultCounts(N(CheckResult.Fulfilled), N(CheckResult.Partial), N(CheckResult.NotFulfilled), N(CheckResult.NotApplicable), N(CheckResult.Unassessed))
                : new ResultCounts(0, 0, 0, r.Count, 0);
            return ControlResult.Derive(applicable, counts).ToWire();
        }

        var byControl = controls.ToDictionary(
            c => c.ControlId,
            c => (Evidence: evidence.Where(e => e.ControlAssessmentId == c.Id).Select(e => e.EvidenceId).Distinct().Count(), Result: ResultOf(c.Id, c.Applicable)),
            StringComparer.Ordinal);

        var target = EditionId.TryParse(assessment.Edition, out var eid) ? eid : EditionId.IsmsP2023;
        var mapping = catalog.MappingFor(f.Id, target);
        var pairs = mapping?.Pairs ?? [];
        var rows = f.Controls.Select(fc =>
        {
            var mapped = pairs.Where(p => string.Equals(p.SourceId, fc.Id, StringComparison.OrdinalIgnoreCase) && byControl.ContainsKey(p.TargetId))
                .Select(p => new IsoMappedControl(p.TargetId, p.Relation.ToString().ToLowerInvariant(), byControl[p.TargetId].Evidence, byControl[p.TargetId].Result))
                .ToList();
            return new IsoControlCoverage(fc.Id, fc.TitleEn, fc.Summary?.Ko, fc.Summary?.En, mapped.Any(m => m.Evidence > 0), mapped);
        }).ToList();
        var reached = pairs.Select(p => p.TargetId).ToHashSet(StringComparer.Ordinal);
        var beyond = controls.Select(c => c.ControlId).Where(id => !reached.Contains(id)).Order(Catalog.Search.ControlIdComparer.Instance).ToList();
        return new IsoCoverageView(f.Id, f.Name.Ko, f.Name.En, rows.Count(r => r.Covered), rows.Count, rows, beyond);
    }
}
