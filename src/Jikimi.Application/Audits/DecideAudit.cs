using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.Audits;

/// <summary>
/// The committee's decision (approve, conditional, reject). certificateNumber is the number on the certificate the
/// body issues (required when an initial or renewal audit is approved); issuedOn defaults to the decision day (a
/// renewal continues the day after the old certificate expires).
/// </summary>
public sealed record DecideAuditRequest(string? Decision, string? Note, DateOnly? DecidedOn, string? CertificateNumber, DateOnly? IssuedOn);

public sealed record DecisionResult(AuditView Audit, CertificateView? Certificate, AuditView? NextAudit);

/// <summary>
/// Records the decision. Approving an initial or renewal audit issues the certificate; approving any audit
/// schedules the next one — a surveillance audit due within a year of the issue or of the audit just held, or the
/// renewal audit when the next surveillance would fall into the renewal window. The next audit is seeded from this one.
/// </summary>
public sealed class DecideAudit(JikimiDb db, AuditWriter audit, TimeProvider clock, IOptions<CertificationOptions> options)
{
    public async Task<Result<DecisionResult>> Handle(OrgAccess access, Guid auditId, DecideAuditRequest req, CancellationToken ct)
    {
        var found = await AuditScope.FindAsync(db, access, auditId, ct);
        if (found.Error is { } nf)
        {
            return nf;
        }

        if (access.Require(Permissions.CanManageWorkspace, "record the committee's decision").Error is { } denied)
        {
            return denied;
        }

        if (!AuditWire.TryParse<CommitteeDecision>(req.Decision, AuditWire.Of, out var decision))
        {
            return new Invalid("decision", "decision must be approve, conditional or reject.");
        }

        var a = found.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = AuditScope.Today(clock);
        var on = req.DecidedOn ?? today;
        var policy = options.Value.Policy;
        var open = await db.Findings.CountAsync(f => f.AuditId == a.Id && f.Status != FindingStatus.Closed, ct);
        if (a.Decide(decision, req.Note, on, open).Error is { } e)
        {
            return e;
        }

        audit.Record(access, AuditActions.AuditDecided, "audit", a.Id, new { decision = AuditWire.Of(decision), on, a.CertificateId });
        Certificate? issued = null;
        Audit? next = null;
        if (decision == CommitteeDecision.Approve)
        {
            Certificate? cert;
            if (a.Kind is AuditKind.Initial or AuditKind.Renewal)
            {
                var previous = a.CertificateId is { } pid ? await db.Certificates.FirstOrDefaultAsync(c => c.Id == pid, ct) : null;
                var scope = await db.Scopes.AsNoTracking().FirstOrDefaultAsync(ct);
                var issuedOn = req.IssuedOn ?? (previous is not null && previous.ExpiresOn >= on ? previous.ExpiresOn.AddDays(1) : on);
                var result = Certificate.Issue(
                    access.OrganizationId, req.CertificateNumber,
                    scope?.Certification == Catalog.Model.Certification.Isms ? "isms" : "isms-p",
                    scope?.Edition ?? Catalog.Model.EditionId.IsmsP2023.Value,
                    scope?.Description, a.Body, issuedOn, a.Id, previous?.Id, policy, now);
                if (result.Error is { } ce)
                {
                    return ce;
                }

                cert = issued = result.Value!;
                db.Certificates.Add(cert);
                audit.Record(access, AuditActions.CertificateIssued, "certificate", cert.Id, new { cert.Number, cert.IssuedOn, cert.ExpiresOn, auditId = a.Id, cert.PreviousId });
                next = Plan(access, cert, cert.NextSurveillanceDue(issuedOn, policy), policy, a, now);
            }
            else
            {
                cert = a.CertificateId is { } cid ? await db.Certificates.FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
                if (cert is not null && !await db.Audits.AnyAsync(x => x.CertificateId == cert.Id && x.Id != a.Id && (x.Status == AuditStatus.Planned || x.Status == AuditStatus.InProgress), ct))
                {
                    next = Plan(access, cert, cert.NextSurveillanceDue(a.HeldOn ?? on, policy), policy, a, now);
                }
            }
        }

        var saved = await audit.SaveAsync(ct, "audit");
        if (saved.Error is { } se)
        {
            return se;
        }

        return new DecisionResult(
            await AuditScope.ViewAsync(db, a, today, ct, policy),
            issued is null ? null : CertificateViews.View(issued, today, next is null ? null : new NextAudit(next.Id, AuditWire.Of(next.Kind), next.DueBy)),
            next is null ? null : await AuditScope.ViewAsync(db, next, today, ct));
    }

    private Audit Plan(OrgAccess access, Certificate cert, DateOnly? surveillanceDue, CertificationPolicy policy, Audit seed, DateTime now)
    {
        var next = surveillanceDue is { } due
            ? Audit.Schedule(access.OrganizationId, AuditKind.Surveillance, cert.Id, due, now)
            : Audit.Schedule(access.OrganizationId, AuditKind.Renewal, cert.Id, cert.RenewalAuditDue, now);
        next.SeedFrom(seed);
        db.Audits.Add(next);
        audit.Record(access, AuditActions.AuditScheduled, "audit", next.Id, new { kind = AuditWire.Of(next.Kind), certificateId = cert.Id, next.DueBy });
        return next;
    }
}
