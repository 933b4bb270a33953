using Jikimi.Domain.Obligation;

namespace Jikimi.Domain.Tests.Obligation;

/// <summary>Issue 19: the obligation test as of a past date applies the rules then in force, each cited and dated.</summary>
public class ObligationHistoryTests
{
    private const long Eok = 100_000_000;
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static ObligationResult Eval(ObligationInput input) => ObligationCheck.Evaluate(input, Today).Value!;

    [Theory]
    [InlineData("2016-06-01", false)] // before the 2016 amendment hospitals were not a ground
    [InlineData("2016-06-02", true)]
    public void Tertiary_hospitals_are_obliged_from_2016_06_02(string asOf, bool obliged)
    {
        var r = Eval(new ObligationInput { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), IsTertiaryHospital = true, PreviousYearRevenueKrw = 1_500 * Eok });
        Assert.Equal(obliged, r.Obliged);
        Assert.Equal(obliged, r.Grounds.Any(g => g.Code == ObligationGrounds.Hospital));
        Assert.Equal(!obliged, r.Notes.Any(n => n.Contains("2016-06-02", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("2016-06-01", true)] // financial companies were not yet excluded from the ICT-revenue test
    [InlineData("2016-06-02", false)]
    public void Financial_companies_are_excluded_from_the_revenue_test_from_2016_06_02(string asOf, bool obliged)
    {
        var r = Eval(new ObligationInput { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), IsFinancialCompany = true, IctServiceRevenueKrw = 100 * Eok });
        Assert.Equal(obliged, r.Obliged);
    }

    [Theory]
    [InlineData("2016-06-01", 10_000_000, "제76조③")]
    [InlineData("2016-06-02", 30_000_000, "제76조①6의5")]
    [InlineData("2024-07-23", 30_000_000, "제76조①6의5")]
    [InlineData("2024-07-24", 30_000_000, "제76조②")]
    public void The_fine_and_its_paragraph_are_those_of_the_day(string asOf, long fine, string article)
    {
        var r = Eval(new ObligationInput { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), IsIdcOperator = true });
        Assert.Equal(fine, r.MaxFineKrw);
        Assert.Contains(article, r.FineBasis, StringComparison.Ordinal);
        Assert.Matches(@"\[(V|S|M)", r.FineBasis);
    }

    [Theory]
    [InlineData("2013-02-18", "직전 3개월")]
    [InlineData("2024-07-23", "직전 3개월")]
    [InlineData("2024-07-24", "전년도 일일평균 이용자 수")]
    [InlineData("2026-01-01", "전년도 일일평균 이용자 수")]
    public void The_daily_users_measure_is_worded_as_the_law_of_the_day(string asOf, string wording)
    {
        var r = Eval(new ObligationInput { AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture), AverageDailyUsersPreviousYear = 1_000_000 });
        Assert.True(r.Obliged);
        Assert.Contains(wording, r.DailyUsersMeasure!.Ko, StringComparison.Ordinal);
        Assert.Contains(wording, r.Grounds.Single().Basis, StringComparison.Ordinal);
        Assert.Matches(@"\[(V|S|M)\]", r.DailyUsersMeasure.Source);
    }

    [Fact]
    public void Before_isms_became_mandatory_there_is_no_rule()
    {
        var r = ObligationCheck.Evaluate(new ObligationInput { AsOf = new(2013, 2, 17), IsIdcOperator = true }, Today);
        Assert.Equal("obligation.no_rules", r.Error!.Code);
        Assert.Contains("2013-02-18", r.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_set_is_dated_and_every_ground_tagged_by_source()
    {
        foreach (var s in ObligationRules.Embedded.Sets)
        {
            Assert.Matches(@"\[(V|S|M)", s.Source);
            Assert.All(s.Grounds.Values, g => Assert.Matches(@"\[(V|S|M)", g.Source));
        }
    }
}
