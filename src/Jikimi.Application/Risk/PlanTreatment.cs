using Jikimi.Application.Assessments;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>strategy: reduce, transfer, avoid, accept or none; owner = a member's e-mail or id; linkedControls = control ids.</summary>
public sealed record PlanTreatmentRequest(
    string? Strategy, string? Plan, string? Owner, DateOnly? DueDate, IReadOnlyList<string>? LinkedControls, int? ResidualScore, bool Completed, int Version);

/// <summary>The treatment plan of a risk (1.2.4). Changing it withdraws an earlier acceptance.</summary>
public sealed class PlanTreatment(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<RiskView>> Handle(OrgAccess access, Guid riskAssessmentId, Guid riskId, PlanTreatmentRequest req, CancellationToken ct)
    {
        var risk = await db.Set<AssessedRisk>().FirstOrDefaultAsync(r => r.Id == riskId && r.RiskAssessmentId == riskAssessmentId, ct);
        if (risk is null)
        {
            return new NotFound("risk", riskId.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "plan risk treatment").Error is { } denied)
        {
            return denied;
        }

        if (!RiskWire.TryParseStrategy(req.Strategy ?? "none", out var strategy))
        {
            return new Invalid("strategy", "strategy must be reduce, transfer, avoid, accept or none.");
        }

        var owner = (await OrgPeople.LoadAsync(db, ct)).Resolve("owner", req.Owner);
        if (owner.Error is { } oe)
        {
            return oe;
        }

        var controls = (req.LinkedControls ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var catalog = ControlQueries.EditionOf("isms-p-2023");
        if (controls.FirstOrDefault(c => catalog.Find(c) is null) is { } unknown)
        {
            return new Invalid("linkedControls", $"Unknown control '{unknown}'.");
        }

        db.Entry(risk).Property(r => r.Version).OriginalValue = req.Version;
        var wasAccepted = risk.Accepted;
        var plan = new TreatmentPlan(strategy, req.Plan, owner.Value, req.DueDate, controls.Count == 0 ? null : string.Join(' ', controls), req.ResidualScore, req.Completed);
        if (risk.PlanTreatment(plan, clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.RiskTreatmentPlanned, "risk", risk.Id, new { strategy = strategy.ToWire(), risk.DueDate, risk.ResidualScore, completed = req.Completed, acceptanceWithdrawn = wasAccepted });
        var saved = await audit.SaveAsync(ct, "risk");
        var doa = await db.Set<RiskAssessment>().Where(r => r.Id == riskAssessmentId).Select(r => r.AcceptableLevel).FirstAsync(ct);
        return saved.Error is { } se ? se : (await RiskRows.ViewsAsync(db, [risk], doa, ct))[0];
    }
}
