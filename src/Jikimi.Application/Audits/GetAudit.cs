using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

public sealed class GetAudit(JikimiDb db, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<AuditView>> Handle(OrgAccess access, Guid auditId, CancellationToken ct)
    {
        var found = await AuditScope.FindAsync(db, access, auditId, ct);
        return found.Error is { } e ? e : await AuditScope.ViewAsync(db, found.Value!, AuditScope.Today(clock), ct, options.Value.Policy);
    }
}
