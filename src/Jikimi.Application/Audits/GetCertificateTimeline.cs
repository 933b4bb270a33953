using System.Text;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

public sealed class GetCertificateTimeline(JikimiDb db, TimeProvider clock)
{
    public async Task<Result<string>> Handle(OrgAccess access, Guid certificateId, CancellationToken ct)
    {
        if (CertificateViews.RequireReader(access).Error is { } denied)
        {
            return denied;
        }

        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId, ct);
        if (c is null)
        {
            return new NotFound("certificate", certificateId.ToString());
        }

        var today = AuditScope.Today(clock);
        var audits = await db.Audits.AsNoTracking().Where(a => a.CertificateId == c.Id || a.Id == c.AuditId).ToListAsync(ct);
        var marks = new List<TimelineMark> { new(c.IssuedOn, $"인증 / issued {c.Number}", "held") };
        foreach (var a in audits.Where(a => a.Id != c.AuditId))
        {
            var name = a.Kind == AuditKind.Renewal ? "갱신심사 / renewal" : "사후심사 / surveillance";
            marks.Add(a.Status is AuditStatus.Decided or AuditStatus.Conditional
                ? new TimelineMark(a.HeldOn ?? today, $"{name} ({AuditWire.Of(a.Decision ?? CommitteeDecision.Approve)})", "held")
                : new TimelineMark(a.DueBy ?? today, $"{name} due", a.IsOverdue(today) ? "overdue" : "planned"));
        }

        marks.Add(new TimelineMark(c.ExpiresOn, "만료 / expires", "expiry"));
        return TimelineSvg.Render($"{c.Number} ({c.Certification.ToUpperInvariant()})", c.IssuedOn, c.ExpiresOn, c.EffectiveStatus(today), marks, today);
    }
}
