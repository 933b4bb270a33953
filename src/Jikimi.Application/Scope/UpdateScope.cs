using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Scope;

public sealed record UpdateScopeRequest(string? Certification, string? Edition, string? Description, string? MethodsAndProcedures, int Version);

public sealed class UpdateScope(JikimiDb db, AuditWriter audit, TimeProvider clock, GetScope get)
{
    public async Task<Result<ScopeView>> Handle(OrgAccess access, UpdateScopeRequest req, CancellationToken ct)
    {
        if (access.Require(Permissions.CanManageWorkspace, "change the scope").Error is { } denied)
        {
            return denied;
        }

        if (!AppliesToExtensions.TryParseCertification(req.Certification, out var certification))
        {
            return new Invalid("certification", "certification must be isms or isms-p.");
        }

        var scope = await db.Scopes.FirstAsync(ct);
        db.Entry(scope).Property(s => s.Version).OriginalValue = req.Version;
        var before = new { certification = scope.Certification.ToString(), scope.Edition };
        if (scope.Update(certification, req.Edition ?? string.Empty, req.Description, req.MethodsAndProcedures, clock.GetUtcNow().UtcDateTime).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.ScopeUpdated, "scope", scope.Id, new { before, after = new { certification = scope.Certification.ToString(), scope.Edition } });
        var saved = await audit.SaveAsync(ct, "scope");
        return saved.Error is { } se ? se : await get.Handle(access, ct);
    }
}
