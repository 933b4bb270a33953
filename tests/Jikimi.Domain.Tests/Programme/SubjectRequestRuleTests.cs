using Jikimi.Domain.Common;
using Jikimi.Domain.Programme;

namespace Jikimi.Domain.Tests.Programme;

public class SubjectRequestRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    private static SubjectRequest Log(SubjectRequestKind kind, DateOnly received) =>
        SubjectRequest.Create(Guid.NewGuid(), 1, kind, received, "web", "T-1", null, SubjectRequestRules.Embedded, Today, Guid.NewGuid(), Now).Value!;

    [Fact]
    public void The_embedded_rules_load_and_cover_every_day_since_the_act_with_every_kind()
    {
        var rules = SubjectRequestRules.Embedded;
        Assert.Equal(["2011-09-30", "2023-09-15"], rules.Sets.Select(s => s.Id));
        Assert.Null(rules.For(new DateOnly(2011, 9, 29)));
        Assert.All(rules.Sets, s => Assert.Equal(Enum.GetValues<SubjectRequestKind>().Length, s.Kinds.Count));
        Assert.All(rules.Sets.SelectMany(s => s.Kinds.Values), d => Assert.Equal(10, d.Days));
    }

    [Theory]
    [InlineData("2023-09-14", "2011-09-30", "[M]")]
    [InlineData("2023-09-15", "2023-09-15", "[S]")]
    public void Consent_withdrawal_is_read_as_of_the_day_of_receipt_on_both_sides_of_the_2023_amendment(string received, string ruleSet, string source)
    {
        var day = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture);
        var r = Log(SubjectRequestKind.ConsentWithdrawal, day);
        Assert.Equal(ruleSet, r.RuleSetId);
        Assert.Equal(day.AddDays(10), r.DueOn);
        Assert.Equal(source, SubjectRequestRules.Embedded.For(day)!.Kinds["consent-withdrawal"].Source);
        Assert.Contains("제37조", SubjectRequestRules.Embedded.For(new DateOnly(2024, 1, 1))!.Kinds["consent-withdrawal"].BasisKo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SubjectRequestKind.Access, "제35조")]
    [InlineData(SubjectRequestKind.CorrectionDeletion, "제36조")]
    [InlineData(SubjectRequestKind.Suspension, "제37조")]
    public void The_deadline_is_ten_days_after_receipt_with_the_article_that_sets_it(SubjectRequestKind kind, string article)
    {
        var r = Log(kind, new DateOnly(2026, 11, 20));
        Assert.Equal(new DateOnly(2026, 11, 30), r.DueOn);
        Assert.Contains(article, r.BasisKo, StringComparison.Ordinal);
        Assert.False(r.IsOverdue(new DateOnly(2026, 11, 30)));
        Assert.True(r.IsOverdue(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void An_answer_needs_a_day_between_receipt_and_today_a_reason_when_refused_and_only_once()
    {
        var r = Log(SubjectRequestKind.Access, new DateOnly(2026, 11, 20));
        Assert.IsType<Invalid>(r.Respond(SubjectRequestOutcome.Fulfilled, new DateOnly(2026, 11, 19), null, Today, Guid.NewGuid()).Error);
        Assert.IsType<Invalid>(r.Respond(SubjectRequestOutcome.Fulfilled, Today.AddDays(1), null, Today, Guid.NewGuid()).Error);
        Assert.IsType<SubjectRequestReasonRequired>(r.Respond(SubjectRequestOutcome.Refused, Today, null, Today, Guid.NewGuid()).Error);
        Assert.Null(r.Respond(SubjectRequestOutcome.Refused, new DateOnly(2026, 12, 2), "법 제35조④ 사유", Today, Guid.NewGuid()).Error);
        Assert.True(r.AnsweredLate);
        Assert.False(r.IsOverdue(Today));
        Assert.IsType<SubjectRequestAnswered>(r.Respond(SubjectRequestOutcome.Fulfilled, Today, null, Today, Guid.NewGuid()).Error);
    }

    [Fact]
    public void A_future_receipt_or_a_day_before_the_act_is_refused()
    {
        Assert.IsType<Invalid>(SubjectRequest.Create(Guid.NewGuid(), 1, SubjectRequestKind.Access, Today.AddDays(1), null, null, null, SubjectRequestRules.Embedded, Today, Guid.NewGuid(), Now).Error);
        Assert.IsType<SubjectRequestNoRule>(SubjectRequest.Create(Guid.NewGuid(), 1, SubjectRequestKind.Access, new DateOnly(2010, 1, 1), null, null, null, SubjectRequestRules.Embedded, Today, Guid.NewGuid(), Now).Error);
    }

    [Theory]
    [InlineData("""{"ruleSets":[]}""", "no rule sets")]
    [InlineData("""{"ruleSets":[{"id":"a","effectiveFrom":"2020-01-01","effectiveTo":null,"kinds":{}}]}""", "no deadline")]
    [InlineData("""{"ruleSets":[{"id":"a","effectiveFrom":"2020-01-01","effectiveTo":null,"kinds":{"access":{"days":0,"basisKo":"k","basisEn":"e","source":"[S]"},"correction-deletion":{"days":10,"basisKo":"k","basisEn":"e","source":"[S]"},"suspension":{"days":10,"basisKo":"k","basisEn":"e","source":"[S]"},"consent-withdrawal":{"days":10,"basisKo":"k","basisEn":"e","source":"[S]"}}}]}""", "1–90 days")]
    public void A_broken_rules_file_is_refused_with_the_reason(string json, string reason)
    {
        var ex = Assert.Throws<InvalidDataException>(() => SubjectRequestRules.Parse(json));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
