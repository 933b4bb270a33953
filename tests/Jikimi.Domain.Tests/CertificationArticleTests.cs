using Jikimi.Domain.Audits;

namespace Jikimi.Domain.Tests;

/// <summary>Issue 19: the joint notice's deadlines by article — renewal application, further correction, appeal.</summary>
public class CertificationArticleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Certificate Cert(string issued = "2026-02-20") =>
        Certificate.Issue(Guid.NewGuid(), "ISMS-P-KISA-2026-001", "isms-p", "2023", "온라인 쇼핑몰", "KISA", D(issued), Guid.NewGuid(), null, CertificationPolicy.Default, new DateTime(2026, 2, 20, 0, 0, 0, DateTimeKind.Utc)).Value!;

    [Fact]
    public void Three_months_before_expiry_is_the_last_day_to_apply_not_the_audit_date()
    {
        var c = Cert();
        Assert.Equal(D("2029-02-19"), c.ExpiresOn);
        Assert.Equal(D("2028-11-19"), c.RenewalApplicationDue(CertificationPolicy.Default));
        Assert.Equal(D("2029-02-19"), c.RenewalAuditDue);
        Assert.True(c.RenewalAuditDue > c.RenewalApplicationDue(CertificationPolicy.Default));
    }

    [Theory]
    [InlineData("2026-03-02", "2026-04-01")]
    [InlineData("2026-12-15", "2027-01-14")]
    public void The_committee_s_further_correction_is_due_30_days_after_its_request(string requested, string due) =>
        Assert.Equal(D(due), CertificationPolicy.Default.FurtherCorrectionDue(D(requested)));

    [Theory]
    [InlineData("2026-03-02", "2026-03-17")]
    [InlineData("2026-12-20", "2027-01-04")]
    public void An_objection_is_possible_for_15_days_after_the_result(string notified, string last) =>
        Assert.Equal(D(last), CertificationPolicy.Default.AppealBy(D(notified)));

    [Fact]
    public void Defaults_are_the_notice_s_numbers()
    {
        var p = CertificationPolicy.Default;
        Assert.Equal((40, 60, 30, 2, 3, 12, 3, 15), (p.CorrectionDays, p.RecorrectionDays, p.FurtherCorrectionDays, p.MinimumOperatingMonths, p.ValidityYears, p.SurveillanceIntervalMonths, p.RenewalLeadMonths, p.AppealDays));
    }
}
