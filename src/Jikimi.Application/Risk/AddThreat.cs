using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

public sealed record ThreatRequest(string? Code, string? Category, string? NameKo, string? NameEn);

/// <summary>Adds an organization's own threat to its list.</summary>
public sealed class AddThreat(JikimiDb db, AuditWriter audit, TimeProvider clock)
{
    public async Task<Result<ThreatView>> Handle(OrgAccess access, ThreatRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "edit the threat list").Error is { } denied)
        {
            return denied;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await ListThreats.EnsureCopiedAsync(db, access.OrganizationId, now, ct);
        var created = Threat.Create(access.OrganizationId, req.Code, req.Category, req.NameKo, req.NameEn, fromCatalog: false, now);
        if (created.Error is { } e)
        {
            return e;
        }

        var threat = created.Value!;
        if (db.ChangeTracker.Entries<Threat>().Any(t => string.Equals(t.Entity.Code, threat.Code, StringComparison.OrdinalIgnoreCase))
            || await db.Set<Threat>().AnyAsync(t => t.Code.ToLower() == threat.Code.ToLower(), ct))
        {
            return new ThreatCodeTaken(threat.Code);
        }

        db.Add(threat);
        audit.Record(access, AuditActions.ThreatAdded, "threat", threat.Id, new { code = threat.Code });
        var saved = await audit.SaveAsync(ct, "threat");
        return saved.Error is { } se ? se : ThreatView.Of(threat);
    }
}
