using Jikimi.Domain.Obligation;

namespace Jikimi.Domain.Tests.Obligation;

public class ObligationCheckTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private const long Eok = 100_000_000; // 1억원

    private static ObligationResult Eval(ObligationInput input)
    {
        var r = ObligationCheck.Evaluate(input, Today);
        Assert.True(r.IsSuccess, r.Error?.Message);
        return r.Value!;
    }

    private static string Codes(ObligationResult r) => string.Join(",", r.Grounds.Select(g => g.Code));

    public static TheoryData<string, ObligationInput, string> Grounds => new()
    {
        { "nothing known", new ObligationInput(), "" },
        { "ISP in Seoul and all metropolitan cities", new ObligationInput { IsRegisteredIsp = true, ServesSeoulAndAllMetropolitanCities = true }, "ISP" },
        { "ISP not serving all cities", new ObligationInput { IsRegisteredIsp = true }, "" },
        { "not registered, serving all cities", new ObligationInput { ServesSeoulAndAllMetropolitanCities = true }, "" },
        { "MVNO after 2025-11-04", new ObligationInput { IsMvno = true, AsOf = new(2025, 11, 4) }, "MVNO" },
        { "MVNO the day before", new ObligationInput { IsMvno = true, AsOf = new(2025, 11, 3) }, "" },
        { "IDC operator", new ObligationInput { IsIdcOperator = true }, "IDC" },
        { "hospital at 1,500억", new ObligationInput { IsTertiaryHospital = true, PreviousYearRevenueKrw = 1500 * Eok }, "HOSPITAL" },
        { "hospital 1 won below", new ObligationInput { IsTertiaryHospital = true, PreviousYearRevenueKrw = (1500 * Eok) - 1 }, "" },
        { "rich non-hospital", new ObligationInput { PreviousYearRevenueKrw = 9000 * Eok }, "" },
        { "university at both thresholds", new ObligationInput { IsUniversity = true, PreviousYearRevenueKrw = 1500 * Eok, EnrolledStudents = 10_000 }, "UNIVERSITY" },
        { "university 9,999 students", new ObligationInput { IsUniversity = true, PreviousYearRevenueKrw = 1500 * Eok, EnrolledStudents = 9_999 }, "" },
        { "university revenue 1 won below", new ObligationInput { IsUniversity = true, PreviousYearRevenueKrw = (1500 * Eok) - 1, EnrolledStudents = 30_000 }, "" },
        { "ICT revenue at 100억", new ObligationInput { IctServiceRevenueKrw = 100 * Eok }, "ICT_REVENUE" },
        { "ICT revenue 1 won below", new ObligationInput { IctServiceRevenueKrw = (100 * Eok) - 1 }, "" },
        { "ICT revenue, financial company", new ObligationInput { IctServiceRevenueKrw = 500 * Eok, IsFinancialCompany = true }, "" },
        { "users at 1M", new ObligationInput { AverageDailyUsersPreviousYear = 1_000_000 }, "DAILY_USERS" },
        { "users 1 below", new ObligationInput { AverageDailyUsersPreviousYear = 999_999 }, "" },
        { "users, financial company", new ObligationInput { AverageDailyUsersPreviousYear = 5_000_000, IsFinancialCompany = true }, "" },
        { "financial company that is an IDC", new ObligationInput { IsIdcOperator = true, IsFinancialCompany = true }, "IDC" },
        { "several grounds", new ObligationInput { IsRegisteredIsp = true, ServesSeoulAndAllMetropolitanCities = true, IsIdcOperator = true, IctServiceRevenueKrw = 100 * Eok, AverageDailyUsersPreviousYear = 1_000_000 }, "ISP,IDC,ICT_REVENUE,DAILY_USERS" },
    };

    [Theory]
    [MemberData(nameof(Grounds))]
    public void Grounds_on_both_sides_of_every_threshold(string name, ObligationInput input, string expected)
    {
        var r = Eval(input);
        Assert.True(expected == Codes(r), $"{name}: expected [{expected}], got [{Codes(r)}]");
        Assert.Equal(expected.Length > 0, r.Obliged);
        Assert.All(r.Grounds, g => Assert.Contains("제47조②", g.Basis, StringComparison.Ordinal));
        Assert.Equal(30_000_000, r.MaxFineKrw);
    }

    public static TheoryData<string, ObligationInput, string?, string> Simplified => new()
    {
        // name, input, expected set (null = not eligible), expected exclusions
        { "small company obliged by ICT revenue", new ObligationInput { IctServiceRevenueKrw = 100 * Eok, EnterpriseSize = "small" }, "7-2", "" },
        { "medium below 300억", new ObligationInput { IctServiceRevenueKrw = (300 * Eok) - 1, EnterpriseSize = "medium" }, "7-2", "" },
        { "medium at 300억 on certified cloud", new ObligationInput { IctServiceRevenueKrw = 300 * Eok, EnterpriseSize = "medium", UsesCertifiedHostingOrCloud = true }, "7-3", "" },
        { "medium at 300억 with own facilities", new ObligationInput { IctServiceRevenueKrw = 300 * Eok, EnterpriseSize = "medium", OperatesMajorIctFacilities = true, UsesCertifiedHostingOrCloud = true }, null, "OWN_MAJOR_ICT_FACILITIES" },
        { "medium at 300억 not on certified cloud", new ObligationInput { IctServiceRevenueKrw = 300 * Eok, EnterpriseSize = "medium" }, null, "OWN_MAJOR_ICT_FACILITIES" },
        { "large", new ObligationInput { IctServiceRevenueKrw = 100 * Eok, EnterpriseSize = "large" }, null, "LARGE_ENTERPRISE" },
        { "size unknown", new ObligationInput { IctServiceRevenueKrw = 100 * Eok }, null, "SIZE_UNKNOWN" },
        { "not obliged", new ObligationInput { EnterpriseSize = "small" }, null, "NOT_OBLIGED" },
        { "ISP", new ObligationInput { IsRegisteredIsp = true, ServesSeoulAndAllMetropolitanCities = true, EnterpriseSize = "small" }, null, "ISP" },
        { "MVNO after 2025-11-04", new ObligationInput { IsMvno = true, IctServiceRevenueKrw = 100 * Eok, EnterpriseSize = "small" }, null, "ISP" },
        { "MVNO before 2025-11-04", new ObligationInput { AsOf = new(2025, 11, 3), IsMvno = true, IctServiceRevenueKrw = 100 * Eok, EnterpriseSize = "small" }, "7-2", "" },
        { "IDC", new ObligationInput { IsIdcOperator = true, EnterpriseSize = "small" }, null, "IDC" },
        { "hospital", new ObligationInput { IsTertiaryHospital = true, PreviousYearRevenueKrw = 1500 * Eok, EnterpriseSize = "medium" }, null, "HOSPITAL_OR_UNIVERSITY" },
        { "university", new ObligationInput { IsUniversity = true, PreviousYearRevenueKrw = 1500 * Eok, EnrolledStudents = 10_000, EnterpriseSize = "medium" }, null, "HOSPITAL_OR_UNIVERSITY" },
        { "1M users", new ObligationInput { AverageDailyUsersPreviousYear = 1_000_000, EnterpriseSize = "small" }, null, "DAILY_USERS" },
        { "999,999 users plus ICT revenue", new ObligationInput { AverageDailyUsersPreviousYear = 999_999, IctServiceRevenueKrw = 100 * Eok, EnterpriseSize = "small" }, "7-2", "" },
        { "virtual-asset provider", new ObligationInput { IctServiceRevenueKrw = 100 * Eok, IsVirtualAssetProvider = true, EnterpriseSize = "small" }, null, "VIRTUAL_ASSET_PROVIDER" },
        { "financial company (IDC)", new ObligationInput { IsIdcOperator = true, IsFinancialCompany = true, EnterpriseSize = "small" }, null, "IDC,FINANCIAL_COMPANY" },
        { "before 2024-07-24", new ObligationInput { AsOf = new(2024, 7, 23), IctServiceRevenueKrw = 100 * Eok, EnterpriseSize = "small" }, null, "NOT_IN_FORCE" },
        { "on 2024-07-24", new ObligationInput { AsOf = new(2024, 7, 24), IctServiceRevenueKrw = 100 * Eok, EnterpriseSize = "small" }, "7-2", "" },
    };

    [Theory]
    [MemberData(nameof(Simplified))]
    public void Simplified_certification_sets_and_every_exclusion(string name, ObligationInput input, string? expectedSet, string expectedExclusions)
    {
        var r = Eval(input);
        Assert.True(expectedSet == r.SimplifiedSet, $"{name}: expected set {expectedSet ?? "none"}, got {r.SimplifiedSet ?? "none"}");
        Assert.Equal(expectedSet is not null, r.SimplifiedEligible);
        Assert.Equal(expectedExclusions, string.Join(",", r.SimplifiedExclusions));
        Assert.Equal(expectedSet is null ? null : "정보통신망법 제47조의7①, 시행령 제49조의2", r.SimplifiedBasis);
    }

    [Theory]
    [InlineData("2013-02-17", null)]
    [InlineData("2013-02-18", "2013-02-18")]
    [InlineData("2016-06-01", "2013-02-18")]
    [InlineData("2016-06-02", "2016-06-02")]
    [InlineData("2024-07-23", "2016-06-02")]
    [InlineData("2024-07-24", "2024-07-24")]
    [InlineData("2025-11-03", "2024-07-24")]
    [InlineData("2025-11-04", "2025-11-04")]
    [InlineData("2040-01-01", "2025-11-04")]
    public void The_rule_set_in_force_on_the_day_is_used(string asOf, string? ruleSet)
    {
        var r = ObligationCheck.Evaluate(new ObligationInput { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) }, Today);
        if (ruleSet is null)
        {
            Assert.Equal("obligation.no_rules", r.Error!.Code);
        }
        else
        {
            Assert.Equal(ruleSet, r.Value!.RuleSet);
        }
    }

    [Fact]
    public void Deadline_is_31_August_of_the_year_after_the_figures_and_absent_when_not_obliged()
    {
        Assert.Equal(new DateOnly(2026, 8, 31), Eval(new ObligationInput { IsIdcOperator = true }).Deadline);
        var late = Eval(new ObligationInput { IsIdcOperator = true, AsOf = new(2025, 12, 1) });
        Assert.Equal(new DateOnly(2025, 8, 31), late.Deadline);
        Assert.Contains(late.Notes, n => n.Contains("has passed", StringComparison.Ordinal));
        Assert.DoesNotContain(Eval(new ObligationInput { IsIdcOperator = true }).Notes, n => n.Contains("has passed", StringComparison.Ordinal));
        Assert.Null(Eval(new ObligationInput()).Deadline);
        Assert.Equal(Today, Eval(new ObligationInput()).AsOf);
    }

    [Fact]
    public void Embedded_rules_are_contiguous_and_open_ended()
    {
        var sets = ObligationRules.Embedded.Sets;
        Assert.Equal(["2013-02-18", "2016-06-02", "2024-07-24", "2025-11-04"], sets.Select(s => s.Id));
        Assert.Null(sets[^1].EffectiveTo);
        Assert.All(sets, s => Assert.Equal(150_000_000_000, s.Thresholds.RevenueKrw));
    }

    [Theory]
    [InlineData("""{"ruleSets":[]}""", "no rule sets")]
    [InlineData("""{"ruleSets":[{"id":"a","effectiveFrom":"2020-01-01","effectiveTo":"2020-12-31","source":"s","thresholds":{"revenueKrw":1,"enrolledStudents":1,"ictServiceRevenueKrw":1,"averageDailyUsers":1,"simplifiedIctServiceRevenueKrw":1},"grounds":{},"maxFineKrw":1,"fineBasis":"f","deadline":{"month":8,"day":31,"source":"s"}}]}""", "open-ended")]
    [InlineData("""{"ruleSets":[{"id":"a","effectiveFrom":"2020-01-01","source":"s","thresholds":{"revenueKrw":1,"enrolledStudents":1,"ictServiceRevenueKrw":1,"averageDailyUsers":1,"simplifiedIctServiceRevenueKrw":1},"dailyUsersMeasure":{"ko":"k","en":"e","source":"s"},"grounds":{},"maxFineKrw":1,"fineBasis":"f","deadline":{"month":8,"day":31,"source":"s"}}]}""", "no basis for ground ISP")]
    [InlineData("""{"ruleSets":[{"id":"a","effectiveFrom":"2020-01-01","source":"s","thresholds":{"revenueKrw":1,"enrolledStudents":1,"ictServiceRevenueKrw":1,"averageDailyUsers":1,"simplifiedIctServiceRevenueKrw":1},"grounds":{},"maxFineKrw":1,"fineBasis":"f","deadline":{"month":8,"day":31,"source":"s"}}]}""", "lacks dailyUsersMeasure")]
    public void A_broken_rules_file_is_rejected_with_the_reason(string json, string reason)
    {
        var ex = Assert.Throws<InvalidDataException>(() => ObligationRules.Parse(json));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
