using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Organizations;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Scope;

public sealed class GetScope(JikimiDb db)
{
    public async Task<ScopeView> Handle(OrgAccess access, CancellationToken ct)
    {
        var scope = await db.Scopes.AsNoTracking().FirstAsync(ct);
        var items = await db.ScopeItems.AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Name).ToListAsync(ct);
        return new ScopeView(scope.Certification == Certification.Isms ? "isms" : "isms-p", scope.Edition, scope.Description, scope.MethodsAndProcedures, scope.Version, scope.UpdatedAt, items.Select(ScopeMapping.View).ToList());
    }
}
