using Jikimi.Domain.Common;
using Jikimi.Domain.Risk;

namespace Jikimi.Domain.Tests.Risk;

public class RiskMethodTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    private static RiskMethod Method(string importance, int cia, int[] thresholds, int threat, int vuln) =>
        RiskMethod.Create(importance, cia, thresholds, threat, vuln).Value!;

    // importance, CIA scale, thresholds, C, I, A → importance score, grade (asset value)
    [Theory]
    [InlineData("sum", 3, new[] { 6, 8 }, 1, 1, 1, 3, 1)]
    [InlineData("sum", 3, new[] { 6, 8 }, 2, 2, 1, 5, 1)]
    [InlineData("sum", 3, new[] { 6, 8 }, 2, 2, 2, 6, 2)]
    [InlineData("sum", 3, new[] { 6, 8 }, 3, 2, 2, 7, 2)]
    [InlineData("sum", 3, new[] { 6, 8 }, 3, 3, 2, 8, 3)]
    [InlineData("sum", 3, new[] { 6, 8 }, 3, 3, 3, 9, 3)]
    [InlineData("max", 3, new[] { 2, 3 }, 1, 1, 1, 1, 1)]
    [InlineData("max", 3, new[] { 2, 3 }, 1, 2, 1, 2, 2)]
    [InlineData("max", 3, new[] { 2, 3 }, 1, 1, 3, 3, 3)]
    [InlineData("sum", 5, new[] { 7, 10, 13 }, 5, 5, 5, 15, 4)]
    [InlineData("sum", 5, new[] { 7, 10, 13 }, 2, 2, 2, 6, 1)]
    [InlineData("max", 5, new[] { 3, 5 }, 4, 1, 1, 4, 2)]
    public void Importance_and_grade_follow_the_method(string importance, int cia, int[] thresholds, int c, int i, int a, int score, int grade)
    {
        var m = Method(importance, cia, thresholds, 3, 3);
        Assert.Equal(score, m.ImportanceScore(c, i, a));
        Assert.Equal(grade, m.AssetValue(c, i, a));
    }

    // asset value × threat × vulnerability; likelihood = ceil(threat × vulnerability / vulnerability scale)
    [Theory]
    [InlineData(3, 3, 1, 1, 1, 1, 1)]
    [InlineData(3, 3, 3, 3, 3, 27, 3)]
    [InlineData(3, 3, 2, 2, 3, 12, 2)]
    [InlineData(3, 3, 3, 1, 3, 9, 1)]
    [InlineData(3, 3, 2, 3, 2, 12, 2)]
    [InlineData(5, 5, 3, 5, 5, 75, 5)]
    [InlineData(5, 5, 1, 2, 3, 6, 2)]
    [InlineData(5, 3, 2, 5, 3, 30, 5)]
    [InlineData(3, 5, 1, 3, 5, 15, 3)]
    [InlineData(3, 5, 1, 1, 4, 4, 1)]
    public void Risk_is_value_times_threat_times_vulnerability(int threatScale, int vulnScale, int value, int threat, int vuln, int risk, int likelihood)
    {
        var m = Method("sum", 3, [6, 8], threatScale, vulnScale);
        Assert.True(m.CheckLevels(threat, vuln).IsSuccess);
        Assert.Equal(risk, m.Score(value, threat, vuln));
        Assert.Equal(likelihood, m.Likelihood(threat, vuln));
        Assert.InRange(m.Likelihood(threat, vuln), 1, threatScale);
    }

    [Theory]
    [InlineData("median", 3, new[] { 6, 8 }, 3, 3, "validation.importance")]
    [InlineData("sum", 4, new[] { 6, 8 }, 3, 3, "validation.ciaScale")]
    [InlineData("sum", 3, new[] { 6, 8 }, 2, 3, "validation.threatScale")]
    [InlineData("sum", 3, new[] { 6, 8 }, 3, 7, "validation.vulnerabilityScale")]
    [InlineData("sum", 3, new[] { 8, 6 }, 3, 3, "validation.gradeThresholds")]
    [InlineData("sum", 3, new[] { 3, 8 }, 3, 3, "validation.gradeThresholds")]
    [InlineData("sum", 3, new[] { 6, 10 }, 3, 3, "validation.gradeThresholds")]
    [InlineData("max", 3, new[] { 2, 3, 3 }, 3, 3, "validation.gradeThresholds")]
    [InlineData("sum", 3, new int[0], 3, 3, "validation.gradeThresholds")]
    public void A_bad_method_is_rejected_with_the_field_named(string importance, int cia, int[] thresholds, int threat, int vuln, string code) =>
        Assert.Equal(code, RiskMethod.Create(importance, cia, thresholds, threat, vuln).Error?.Code);

    [Fact]
    public void The_default_is_sum_on_1_to_3_with_low_medium_high_and_risk_up_to_27()
    {
        var m = RiskMethod.Default;
        Assert.Equal((3, 27), (m.Grades, m.MaxScore));
        Assert.Equal(m, RiskMethod.Create("sum", 3, [6, 8], 3, 3).Value! with { GradeThresholds = m.GradeThresholds });
    }

    [Theory]
    [InlineData(0, 2, 2, "validation.confidentiality")]
    [InlineData(2, 4, 2, "validation.integrity")]
    [InlineData(2, 2, -1, "validation.availability")]
    public void Ratings_outside_the_scale_are_rejected(int c, int i, int a, string code)
    {
        var data = new AssetData("SRV-1", "웹서버", AssetType.Server, null, null, null, true, c, i, a, false, false);
        Assert.Equal(code, Asset.Create(Guid.NewGuid(), data, RiskMethod.Default, Now).Error?.Code);
    }

    [Fact]
    public void The_method_is_kept_on_the_yearly_assessment_and_a_new_doa_needs_a_new_approval()
    {
        var m = Method("max", 5, [3, 5], 5, 3);
        var ra = RiskAssessment.Create(Guid.NewGuid(), 2026, m, null, Now).Value!;
        Assert.Equal(m.GradeThresholds, ra.Method.GradeThresholds);
        Assert.Equal((m.Importance, m.CiaScale, m.ThreatScale, m.VulnerabilityScale), (ra.Method.Importance, ra.Method.CiaScale, ra.Method.ThreatScale, ra.Method.VulnerabilityScale));
        Assert.IsType<AcceptableLevelNotSet>(ra.ApproveAcceptableLevel(Guid.NewGuid(), "대표", Now).Error);
        Assert.IsType<AcceptableLevelOutOfRange>(ra.SetAcceptableLevel(46).Error); // 3 grades × 5 × 3 = 45
        Assert.True(ra.SetAcceptableLevel(20).IsSuccess);
        Assert.True(ra.ApproveAcceptableLevel(Guid.NewGuid(), "대표", Now).IsSuccess);
        Assert.True(ra.DoaApproved);
        Assert.True(ra.SetAcceptableLevel(18).IsSuccess);
        Assert.False(ra.DoaApproved);
    }

    [Fact]
    public void Acceptance_needs_an_accept_treatment_or_a_residual_and_a_changed_plan_reopens_it()
    {
        var ra = RiskAssessment.Create(Guid.NewGuid(), 2026, RiskMethod.Default, 8, Now).Value!;
        var risk = AssessedRisk.Create(ra, new RiskInput(Guid.NewGuid(), 3, Guid.NewGuid(), 2, 3, "접근통제 미흡", null, "2.6.1"), Now).Value!;
        Assert.Equal((18, 2), (risk.Score, risk.Likelihood));
        Assert.True(risk.AboveDoa(ra.AcceptableLevel));
        Assert.IsType<NothingToAccept>(risk.Accept(Guid.NewGuid(), "대표", Now).Error);
        Assert.IsType<ResidualAboveRisk>(risk.PlanTreatment(new TreatmentPlan(TreatmentStrategy.Reduce, "MFA", null, null, "2.5.3", 19, false), Now).Error);
        Assert.True(risk.PlanTreatment(new TreatmentPlan(TreatmentStrategy.Reduce, "MFA", null, new DateOnly(2027, 1, 31), "2.5.3", 6, true), Now).IsSuccess);
        Assert.Equal("treated", risk.Status);
        Assert.True(risk.Accept(Guid.NewGuid(), "대표", Now).IsSuccess);
        Assert.Equal(("accepted", "대표", Now), (risk.Status, risk.AcceptedByName, risk.AcceptedAt!.Value));
        Assert.IsType<RiskAlreadyAccepted>(risk.Accept(Guid.NewGuid(), "대표", Now).Error);
        Assert.True(risk.PlanTreatment(new TreatmentPlan(TreatmentStrategy.Transfer, "보험", null, null, null, null, false), Now).IsSuccess);
        Assert.Equal(("planned", false), (risk.Status, risk.Accepted));
    }

    [Theory]
    [InlineData(4, 2, 1, "validation.threatLevel")]
    [InlineData(2, 0, 1, "validation.vulnerabilityLevel")]
    [InlineData(2, 2, 4, "validation.assetValue")]
    public void Levels_outside_the_method_are_rejected(int threat, int vuln, int value, string code)
    {
        var ra = RiskAssessment.Create(Guid.NewGuid(), 2026, RiskMethod.Default, null, Now).Value!;
        DomainError? e = AssessedRisk.Create(ra, new RiskInput(Guid.NewGuid(), value, Guid.NewGuid(), threat, vuln, "x", null, null), Now).Error;
        Assert.Equal(code, e?.Code);
    }
}
