using Jikimi.Domain.Common;
using Jikimi.Domain.Programme;

namespace Jikimi.Domain.Tests.Programme;

public class PolicyRuleTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Policy New(int interval = 12, params string[] controls) =>
        Policy.Create(Guid.NewGuid(), new PolicyData("POL-01", "정보보호 정책", PolicyKind.Policy, "CISO", controls.Length == 0 ? ["1.1.5", "2.1.1"] : controls, interval), Now).Value!;

    [Fact]
    public void Approval_puts_the_draft_in_force_and_the_review_falls_due_one_interval_after_the_effective_date()
    {
        var p = New();
        var v1 = p.Draft(null, Guid.NewGuid(), Now).Value!;
        Assert.IsType<PolicyDraftPending>(p.Draft("again", Guid.NewGuid(), Now).Error);
        Assert.IsType<PolicyNotApproved>(p.Review(new DateOnly(2026, 3, 2)).Error);
        Assert.Null(p.Approve(v1, Guid.NewGuid(), "대표이사", new DateOnly(2026, 3, 15), Now).Error);
        Assert.Equal((1, new DateOnly(2026, 3, 15), new DateOnly(2027, 3, 15)), (p.CurrentVersion!.Value, p.EffectiveDate!.Value, p.ReviewDueOn!.Value));
        Assert.Equal("대표이사", v1.ApprovedByName);
        Assert.IsType<PolicyNothingToApprove>(p.Approve(v1, Guid.NewGuid(), "대표이사", new DateOnly(2026, 3, 15), Now).Error);

        Assert.Null(p.Review(new DateOnly(2027, 3, 1)).Error);
        Assert.Equal(new DateOnly(2028, 3, 1), p.ReviewDueOn);
        Assert.False(p.IsReviewOverdue(new DateOnly(2028, 3, 1)));
        Assert.True(p.IsReviewOverdue(new DateOnly(2028, 3, 2)));

        var v2 = p.Draft("법 개정 반영", Guid.NewGuid(), Now).Value!;
        Assert.Equal(2, v2.Number);
        Assert.Equal(1, p.CurrentVersion);
    }

    [Theory]
    [InlineData("2.1", "controls")]
    [InlineData("abc", "controls")]
    public void Controls_must_be_control_ids(string control, string field)
    {
        var r = Policy.Create(Guid.NewGuid(), new PolicyData("P", "T", PolicyKind.Guideline, null, [control], 12), Now);
        Assert.Equal($"validation.{field}", r.Error!.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void The_review_interval_is_between_one_and_36_months(int months)
    {
        var r = Policy.Create(Guid.NewGuid(), new PolicyData("P", "T", PolicyKind.Policy, null, null, months), Now);
        Assert.Equal("validation.reviewIntervalMonths", r.Error!.Code);
    }

    [Fact]
    public void A_shorter_interval_moves_the_review_due_date()
    {
        var p = New();
        var v1 = p.Draft(null, Guid.NewGuid(), Now).Value!;
        p.Approve(v1, Guid.NewGuid(), "대표이사", new DateOnly(2026, 3, 15), Now);
        Assert.Null(p.Describe(new PolicyData("POL-01", "정보보호 정책", PolicyKind.Policy, "CISO", ["1.1.5"], 6)).Error);
        Assert.Equal(new DateOnly(2026, 9, 15), p.ReviewDueOn);
        Assert.Equal(["1.1.5"], p.ControlIds);
    }
}
