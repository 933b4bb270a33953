using Jikimi.Application.Assessments;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Assessments;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>
/// A risk: an asset, a threat from the list, levels on the method's scales, and the vulnerability — typed by hand,
/// or found from an unfulfilled check item (assessmentId + checkItemId; the text and control come from the catalog).
/// </summary>
public sealed record AddRiskRequest(
    Guid AssetId, Guid ThreatId, int ThreatLevel, int VulnerabilityLevel, string? Vulnerability = null,
    Guid? AssessmentId = null, string? CheckItemId = null, string? ControlId = null);

public sealed record CheckItemFulfilled(string CheckItemId)
    : RuleError("risk.check_item_fulfilled", $"Check item {CheckItemId} is not recorded as not fulfilled or partial: it is no vulnerability.");

public sealed record AssetRatingsOutsideMethod(string Code)
    : RuleError("risk.asset_ratings_outside_method", $"Asset '{Code}' has C/I/A ratings outside this assessment's scale; correct the asset first.");

public sealed class AddRisk(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<RiskView>> Handle(OrgAccess access, Guid riskAssessmentId, AddRiskRequest req, CancellationToken ct)
    {
        var ra = await db.Set<RiskAssessment>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == riskAssessmentId, ct);
        if (ra is null)
        {
            return new NotFound("risk_assessment", riskAssessmentId.ToString());
        }

        if (access.Require(Permissions.CanManageWorkspace, "assess risks").Error is { } denied)
        {
            return denied;
        }

        var asset = await db.Set<Asset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == req.AssetId, ct);
        if (asset is null)
        {
            return new NotFound("asset", req.AssetId.ToString());
        }

        if (!await db.Set<Threat>().AnyAsync(t => t.Id == req.ThreatId, ct))
        {
            return new NotFound("threat", req.ThreatId.ToString());
        }

        var vulnerability = req.Vulnerability;
        var controlId = req.ControlId?.Trim();
        string? checkItemId = null;
        if (req.CheckItemId is { Length: > 0 } itemId)
        {
            var found = await FromCheckItemAsync(req.AssessmentId, itemId.Trim(), ct);
            if (found.Error is { } fe)
            {
                return fe;
            }

            (checkItemId, controlId) = (found.Value.CheckItemId, found.Value.ControlId);
            vulnerability = string.IsNullOrWhiteSpace(vulnerability) ? found.Value.Text : vulnerability;
        }
        else if (controlId is { Length: > 0 } && ControlQueries.EditionOf("isms-p-2023").Find(controlId) is null)
        {
            return new Invalid("controlId", $"Unknown control '{controlId}'.");
        }

        var method = ra.Method;
        if (method.CheckRatings(asset.Confidentiality, asset.Integrity, asset.Availability).Error is not null)
        {
            return new AssetRatingsOutsideMethod(asset.Code);
        }

        var value = method.AssetValue(asset.Confidentiality, asset.Integrity, asset.Availability);
        var created = AssessedRisk.Create(ra, new RiskInput(asset.Id, value, req.ThreatId, req.ThreatLevel, req.VulnerabilityLevel, vulnerability, checkItemId, string.IsNullOrEmpty(controlId) ? null : controlId), clock.GetUtcNow().UtcDateTime);
        if (created.Error is { } e)
        {
            return e;
        }

        var risk = created.Value!;
        db.Add(risk);
        audit.Record(access, AuditActions.RiskAdded, "risk", risk.Id, new { ra.Year, asset = asset.Code, risk.Score, risk.CheckItemId });
        var saved = await audit.SaveAsync(ct, "risk");
        return saved.Error is { } se ? se : (await RiskRows.ViewsAsync(db, [risk], ra.AcceptableLevel, ct))[0];
    }

    private async Task<Result<(string CheckItemId, string ControlId, string Text)>> FromCheckItemAsync(Guid? assessmentId, string checkItemId, CancellationToken ct)
    {
        if (assessmentId is not { } aid)
        {
            return new Invalid("assessmentId", "A vulnerability from a check item names the assessment (assessmentId).");
        }

        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, ct);
        var item = assessment is null ? null : await db.CheckItemAssessments.AsNoTracking().FirstOrDefaultAsync(i => i.AssessmentId == aid && i.CheckItemId == checkItemId, ct);
        if (assessment is null || item is null)
        {
            return new NotFound("check_item", $"{aid}/{checkItemId}");
        }

        if (item.Result is not (CheckResult.NotFulfilled or CheckResult.Partial))
        {
            return new CheckItemFulfilled(checkItemId);
        }

        var controlId = await db.ControlAssessments.AsNoTracking().Where(c => c.Id == item.ControlAssessmentId).Select(c => c.ControlId).FirstAsync(ct);
        var text = ControlQueries.EditionOf(assessment.Edition).Find(controlId)?.CheckItems.FirstOrDefault(i => i.Id == checkItemId)?.Text.Ko ?? checkItemId;
        return (checkItemId, controlId, text);
    }
}
