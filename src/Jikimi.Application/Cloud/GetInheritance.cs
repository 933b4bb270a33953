using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;

namespace Jikimi.Application.Cloud;

/// <summary>The organization's cloud usage, the certificates it relies on, and each control as inherited, shared or own.</summary>
public sealed class GetInheritance(JikimiDb db, TimeProvider clock)
{
    public async Task<InheritanceView> Handle(OrgAccess access, CancellationToken ct) =>
        await Inheritance.ComputeAsync(db, access.OrganizationId, AuditScope.Today(clock), ct);
}
