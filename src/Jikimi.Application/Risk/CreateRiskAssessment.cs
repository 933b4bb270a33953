using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>A year's risk assessment with its method; omitted parameters take the default (sum, 1–3, grades 6/8).</summary>
public sealed record CreateRiskAssessmentRequest(
    int Year, string? Importance = null, int? CiaScale = null, IReadOnlyList<int>? GradeThresholds = null, int? ThreatScale = null,
    int? VulnerabilityScale = null, int? AcceptableLevel = null);

/// <summary>Starts a yearly risk assessment (one per year) and gives the organization its threat list on first use.</summary>
public sealed class CreateRiskAssessment(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<RiskAssessmentView>> Handle(OrgAccess access, CreateRiskAssessmentRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "run risk assessments").Error is { } denied)
        {
            return denied;
        }

        var d = RiskMethod.Default;
        var method = RiskMethod.Create(req.Importance ?? d.ImportanceWire, req.CiaScale ?? d.CiaScale, req.GradeThresholds ?? d.GradeThresholds, req.ThreatScale ?? d.ThreatScale, req.VulnerabilityScale ?? d.VulnerabilityScale);
        if (method.Error is { } me)
        {
            return me;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var created = RiskAssessment.Create(access.OrganizationId, req.Year, method.Value!, req.AcceptableLevel, now);
        if (created.Error is { } e)
        {
            return e;
        }

        if (await db.Set<RiskAssessment>().AnyAsync(r => r.Year == req.Year, ct))
        {
            return new RiskAssessmentExists(req.Year);
        }

        var ra = created.Value!;
        db.Add(ra);
        var copied = await ListThreats.EnsureCopiedAsync(db, access.OrganizationId, now, ct);
        audit.Record(access, AuditActions.RiskAssessmentCreated, "risk_assessment", ra.Id, new { ra.Year, method = RiskMethodView.Of(ra.Method), ra.AcceptableLevel });
        if (copied > 0)
        {
            audit.Record(access, AuditActions.ThreatCatalogCopied, "threat", "catalog", new { threats = copied });
        }

        var saved = await audit.SaveAsync(ct, "risk assessment");
        return saved.Error is { } se ? se : RiskAssessmentView.Of(ra, 0, 0);
    }
}
