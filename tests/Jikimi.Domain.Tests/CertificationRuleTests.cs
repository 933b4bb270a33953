using Jikimi.Domain.Audits;

namespace Jikimi.Domain.Tests;

public class CertificationRuleTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly CertificationPolicy Policy = CertificationPolicy.Default;

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Finding NewFinding(string notice = "2026-01-05", CertificationPolicy? policy = null) =>
        Finding.Create(Guid.NewGuid(), Guid.NewGuid(), 1, "2.5.4", "2.5.4-1", "설명", null, FindingSeverity.High, D(notice), policy ?? Policy, Guid.NewGuid(), Now).Value!;

    [Theory]
    [InlineData("2025-11-05", "2026-01-05", true)]  // exactly 2 months
    [InlineData("2025-11-06", "2026-01-05", false)] // one day short
    [InlineData("2025-10-31", "2025-12-31", true)]  // month-end
    public void Applying_needs_the_minimum_operating_period(string since, string applied, bool ok)
    {
        var r = Audit.Apply(Guid.NewGuid(), null, D(since), D(applied), new Audit.Details(null, null, null, null, null, null), Policy, Now);
        Assert.Equal(ok, r.IsSuccess);
        if (!ok)
        {
            Assert.Equal("audit.operating_period_too_short", r.Error!.Code);
        }
    }

    [Fact]
    public void Operating_period_is_configurable_and_required()
    {
        var none = new Audit.Details(null, null, null, null, null, null);
        Assert.True(Audit.Apply(Guid.NewGuid(), null, D("2026-01-01"), D("2026-01-05"), none, Policy with { MinimumOperatingMonths = 0 }, Now).IsSuccess);
        Assert.Equal("audit.operating_since_required", Audit.Apply(Guid.NewGuid(), null, null, D("2026-01-05"), none, Policy, Now).Error!.Code);
    }

    [Theory]
    [InlineData(40, 60, "2026-02-14", "2026-04-15")]
    [InlineData(30, 0, "2026-02-04", "2026-02-04")]
    public void Correction_deadlines_run_from_the_notice(int correction, int recorrection, string due, string redue)
    {
        var policy = Policy with { CorrectionDays = correction, RecorrectionDays = recorrection };
        var f = NewFinding(policy: policy);
        Assert.Equal(D(due), f.DueOn);
        Assert.False(f.IsOverdue(D(due)));
        Assert.True(f.IsOverdue(D(due).AddDays(1)));
        Assert.True(f.SubmitPlan("원인", "조치", "담당", D(due), D("2026-01-01")).IsSuccess);
        Assert.True(f.MarkFixed("증적", D("2026-01-01")).IsSuccess);
        Assert.True(f.Verify(false, "미흡", D(due), policy).IsSuccess);
        Assert.Equal(FindingStatus.Recorrection, f.Status);
        Assert.Equal(D(redue), f.CurrentDueOn);
        Assert.Equal(recorrection > 0, !f.IsOverdue(D(due).AddDays(1)));
    }

    [Fact]
    public void Finding_states_open_plan_fixed_recorrection_closed()
    {
        var f = NewFinding();
        Assert.Equal("finding.wrong_state", f.MarkFixed("x", D("2026-01-01")).Error!.Code);
        Assert.Equal("finding.wrong_state", f.Verify(true, null, D("2026-01-10"), Policy).Error!.Code);
        Assert.Equal("validation.dueOn", f.SubmitPlan("a", "b", "c", D("2026-02-15"), D("2026-01-01")).Error!.Code); // after the deadline
        Assert.Equal("validation.rootCause", f.SubmitPlan(" ", "b", "c", D("2026-02-01"), D("2026-01-01")).Error!.Code);
        Assert.True(f.SubmitPlan("a", "b", "c", D("2026-02-01"), D("2026-01-01")).IsSuccess);
        Assert.Equal("validation.evidence", f.MarkFixed("", D("2026-01-01")).Error!.Code);
        Assert.True(f.MarkFixed("e", D("2026-01-01")).IsSuccess);
        Assert.True(f.Verify(false, null, D("2026-02-01"), Policy).IsSuccess);
        Assert.True(f.SubmitPlan("a", "b2", "c", D("2026-04-01"), D("2026-01-01")).IsSuccess); // within the re-correction period
        Assert.True(f.MarkFixed("e2", D("2026-01-01")).IsSuccess);
        Assert.Equal("finding.recorrection_exhausted", f.Verify(false, null, D("2026-04-01"), Policy).Error!.Code);
        Assert.True(f.Verify(true, "확인", D("2026-04-02"), Policy).IsSuccess);
        Assert.Equal(FindingStatus.Closed, f.Status);
        Assert.False(f.IsOverdue(D("2030-01-01")));
        Assert.Equal("finding.closed", f.SubmitPlan("a", "b", "c", D("2026-04-01"), D("2026-01-01")).Error!.Code);
    }

    private static Certificate Cert(string issued = "2026-02-20") =>
        Certificate.Issue(Guid.NewGuid(), "ISMS-P-1", "isms-p", "2023", "범위", "KISA", D(issued), Guid.NewGuid(), null, Policy, Now).Value!;

    [Fact]
    public void Certificate_is_valid_three_years_and_expiry_is_read_from_the_date()
    {
        var c = Cert();
        Assert.Equal(D("2029-02-19"), c.ExpiresOn);
        Assert.Equal("active", c.EffectiveStatus(D("2029-02-19")));
        Assert.Equal("expired", c.EffectiveStatus(D("2029-02-20")));
        Assert.Equal("certificate.wrong_state", c.Suspend("x", D("2029-02-20")).Error!.Code);
        Assert.Equal("validation.certificateNumber", Certificate.Issue(Guid.NewGuid(), " ", "isms", "2023", null, null, D("2026-01-01"), Guid.NewGuid(), null, Policy, Now).Error!.Code);
    }

    [Fact]
    public void Certificate_states_active_suspended_active_revoked()
    {
        var c = Cert();
        var today = D("2026-06-01");
        Assert.Equal("certificate.wrong_state", c.Reinstate("x", today).Error!.Code);
        Assert.Equal("validation.reason", c.Suspend(null, today).Error!.Code);
        Assert.True(c.Suspend("사후심사 거부", today).IsSuccess);
        Assert.Equal("suspended", c.EffectiveStatus(today));
        Assert.Equal("certificate.wrong_state", c.Suspend("again", today).Error!.Code);
        Assert.True(c.Reinstate("수검 완료", today).IsSuccess);
        Assert.True(c.Suspend("again", today).IsSuccess);
        Assert.True(c.Revoke("거짓 인증", today).IsSuccess);
        Assert.Equal("revoked", c.EffectiveStatus(D("2040-01-01")));
        Assert.Equal("certificate.wrong_state", c.Reinstate("x", today).Error!.Code);
        Assert.Equal("certificate.wrong_state", c.Revoke("x", today).Error!.Code);
    }

    [Theory]
    [InlineData("2026-02-20", "2027-02-20")] // first surveillance: a year after issue
    [InlineData("2027-01-12", "2028-01-12")] // a year after the previous audit
    [InlineData("2027-11-18", "2028-11-18")] // the day before the renewal window
    [InlineData("2027-11-19", null)]         // falls into the renewal window: the renewal audit comes next
    public void Surveillance_is_due_within_a_year_of_the_previous_audit(string held, string? due)
    {
        var c = Cert();
        Assert.Equal(D("2028-11-19"), c.RenewalApplicationDue(Policy));
        Assert.Equal(c.ExpiresOn, c.RenewalAuditDue);
        Assert.Equal(due is null ? null : D(due), c.NextSurveillanceDue(D(held), Policy));
    }

    [Fact]
    public void Committee_approves_only_when_every_finding_is_closed_and_decides_once()
    {
        var a = Audit.Apply(Guid.NewGuid(), null, D("2025-01-01"), D("2026-01-05"), new Audit.Details("KISA", null, null, null, null, null), Policy, Now).Value!;
        Assert.Equal("audit.findings_open", a.Decide(CommitteeDecision.Approve, null, D("2026-02-01"), 2).Error!.Code);
        Assert.True(a.Decide(CommitteeDecision.Conditional, "보완 후 재상정", D("2026-02-01"), 2).IsSuccess);
        Assert.Equal(AuditStatus.Conditional, a.Status);
        Assert.True(a.Decide(CommitteeDecision.Approve, null, D("2026-03-01"), 0).IsSuccess);
        Assert.Equal("audit.decided", a.Decide(CommitteeDecision.Reject, null, D("2026-03-02"), 0).Error!.Code);
        Assert.Equal("audit.decided", a.Change(new Audit.Details("x", null, null, null, null, null)).Error!.Code);
    }

    [Fact]
    public void Planned_audit_is_overdue_after_its_due_day()
    {
        var a = Audit.Schedule(Guid.NewGuid(), AuditKind.Surveillance, Guid.NewGuid(), D("2027-02-20"), Now);
        Assert.True(a.Start().IsSuccess);
        Assert.Equal("audit.started", a.Start().Error!.Code);
        Assert.False(a.IsOverdue(D("2027-02-20")));
        Assert.True(a.IsOverdue(D("2027-02-21")));
        Assert.True(a.Decide(CommitteeDecision.Approve, null, D("2027-02-25"), 0).IsSuccess);
        Assert.False(a.IsOverdue(D("2027-03-01")));
    }
}
