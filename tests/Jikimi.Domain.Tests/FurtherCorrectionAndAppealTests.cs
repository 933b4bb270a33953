using Jikimi.Domain.Audits;

namespace Jikimi.Domain.Tests;

/// <summary>The committee's further correction (고시 제25조⑤, 30 days) and the appeal window (제36조, 15 days).</summary>
public class FurtherCorrectionAndAppealTests
{
    private static readonly DateTime Now = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly CertificationPolicy Policy = CertificationPolicy.Default;

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Finding FixedFinding()
    {
        var f = Finding.Create(Guid.NewGuid(), Guid.NewGuid(), 1, "2.5.4", null, "설명", null, FindingSeverity.High, D("2026-01-05"), Policy, Guid.NewGuid(), Now).Value!;
        Assert.True(f.SubmitPlan("원인", "조치", "담당", D("2026-02-01"), D("2026-01-10")).IsSuccess);
        Assert.True(f.MarkFixed("증적", D("2026-01-20")).IsSuccess);
        return f;
    }

    [Fact]
    public void Further_correction_runs_thirty_days_from_the_request_and_is_allowed_once()
    {
        var f = FixedFinding();
        Assert.True(f.Verify(true, null, D("2026-01-25"), Policy).IsSuccess);
        Assert.Equal("validation.note", f.RequestFurtherCorrection(" ", D("2026-03-02"), Policy).Error!.Code);
        Assert.True(f.RequestFurtherCorrection("증적 부족", D("2026-03-02"), Policy).IsSuccess);
        Assert.Equal(FindingStatus.FurtherCorrection, f.Status);
        Assert.Equal("further-correction", Finding.Wire(f.Status));
        Assert.Equal(D("2026-04-01"), f.FurtherCorrectionDueOn);
        Assert.Equal(D("2026-04-01"), f.CurrentDueOn);
        Assert.Null(f.ClosedOn);
        Assert.Equal("finding.further_correction_used", f.RequestFurtherCorrection("또", D("2026-03-03"), Policy).Error!.Code);
    }

    [Fact]
    public void Only_a_fixed_or_closed_finding_can_be_sent_back_by_the_committee()
    {
        var f = Finding.Create(Guid.NewGuid(), Guid.NewGuid(), 1, "2.5.4", null, "설명", null, FindingSeverity.Low, D("2026-01-05"), Policy, Guid.NewGuid(), Now).Value!;
        Assert.Equal("finding.wrong_state", f.RequestFurtherCorrection("x", D("2026-01-06"), Policy).Error!.Code);
    }

    [Theory]
    [InlineData("2026-04-01", true)]  // the last day
    [InlineData("2026-04-02", false)] // lapsed
    public void After_the_further_correction_deadline_the_organization_can_no_longer_report(string today, bool ok)
    {
        var f = FixedFinding();
        Assert.True(f.RequestFurtherCorrection("증적 부족", D("2026-03-02"), Policy with { FurtherCorrectionDays = 30 }).IsSuccess);
        Assert.Equal(!ok, f.FurtherCorrectionLapsed(D(today)));
        var plan = f.SubmitPlan("원인", "조치2", "담당", D("2026-04-01"), D(today));
        Assert.Equal(ok, plan.IsSuccess);
        if (!ok)
        {
            Assert.Equal("finding.further_correction_lapsed", plan.Error!.Code);
            return;
        }

        Assert.True(f.MarkFixed("증적2", D(today)).IsSuccess);
        Assert.Equal("finding.recorrection_exhausted", f.Verify(false, null, D(today), Policy).Error!.Code);
        Assert.True(f.Verify(true, null, D(today), Policy).IsSuccess);
        Assert.False(f.FurtherCorrectionLapsed(D("2030-01-01")));
    }

    private static Audit Decided(CommitteeDecision decision, string on)
    {
        var a = Audit.Apply(Guid.NewGuid(), null, D("2025-01-01"), D("2025-06-01"), new Audit.Details(null, null, null, null, null, null), Policy, Now).Value!;
        Assert.True(a.Decide(decision, null, D(on), 0).IsSuccess);
        return a;
    }

    [Theory]
    [InlineData("2026-03-16", null)]                          // decision day + 15
    [InlineData("2026-03-17", "audit.appeal_window_closed")]  // one day late
    public void An_appeal_is_recorded_within_fifteen_days_of_the_final_decision(string on, string? error)
    {
        var a = Decided(CommitteeDecision.Reject, "2026-03-01");
        Assert.Equal(D("2026-03-16"), a.AppealBy(Policy));
        var r = a.RecordAppeal("결정에 이의", D(on), Policy);
        Assert.Equal(error, r.Error?.Code);
        Assert.Equal(error is null ? D(on) : null, a.AppealedOn);
    }

    [Fact]
    public void An_appeal_needs_a_final_decision_grounds_and_is_recorded_once()
    {
        Assert.Equal("audit.not_decided", Decided(CommitteeDecision.Conditional, "2026-03-01").RecordAppeal("x", D("2026-03-02"), Policy).Error!.Code);
        var a = Decided(CommitteeDecision.Approve, "2026-03-01");
        Assert.Equal("validation.note", a.RecordAppeal("", D("2026-03-02"), Policy).Error!.Code);
        Assert.True(a.RecordAppeal("범위 이의", D("2026-03-02"), Policy).IsSuccess);
        Assert.Equal("audit.appeal_recorded", a.RecordAppeal("again", D("2026-03-03"), Policy).Error!.Code);
    }
}
