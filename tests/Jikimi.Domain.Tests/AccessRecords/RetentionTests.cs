using Jikimi.Domain.AccessRecords;
using Jikimi.Domain.Common;

namespace Jikimi.Domain.Tests.AccessRecords;

public class RetentionTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static ProcessingSystem System(long subjects = 1000, bool unique = false, bool sensitive = false, bool carrier = false, int? longer = null) =>
        ProcessingSystem.Create(Guid.NewGuid(), "고객관리시스템", "개인정보보호팀", new RetentionFacts(subjects, unique, sensitive, carrier, longer), null, Guid.NewGuid(), Now).Value!;

    [Fact]
    public void The_embedded_rules_load_and_cover_every_day_since_2019_06_07()
    {
        var rules = AccessRecordRetentionRules.Embedded;
        Assert.Equal(["2019-06-07", "2023-09-22"], rules.Sets.Select(s => s.Id));
        Assert.Null(rules.For(new DateOnly(2019, 6, 6)));
        Assert.Equal("2019-06-07", rules.For(new DateOnly(2023, 9, 21))!.Id);
        Assert.Equal("2023-09-22", rules.For(new DateOnly(2023, 9, 22))!.Id);
        Assert.All(rules.Sets, s => Assert.Equal((1, 2, 50_000L), (s.BaseYears, s.ExtendedYears, s.DataSubjectsThreshold)));
    }

    // The retention table of 제8조①: 1 year; 2 years on any ground of the proviso; the organization's longer period wins.
    [Theory]
    [InlineData(49_999L, false, false, false, null, 1, 12, "base")]
    [InlineData(50_000L, false, false, false, null, 2, 24, "data-subjects")]
    [InlineData(10L, true, false, false, null, 2, 24, "unique-or-sensitive")]
    [InlineData(10L, false, true, false, null, 2, 24, "unique-or-sensitive")]
    [InlineData(10L, false, false, true, null, 2, 24, "telecom-carrier")]
    [InlineData(60_000L, true, false, true, null, 2, 24, "data-subjects,unique-or-sensitive,telecom-carrier")]
    [InlineData(10L, false, false, false, 36, 1, 36, "base")]
    [InlineData(60_000L, false, false, false, 18, 2, 24, "data-subjects")]
    public void Retention_today_follows_the_table(long subjects, bool unique, bool sensitive, bool carrier, int? longer, int legalYears, int keptMonths, string grounds)
    {
        var r = System(subjects, unique, sensitive, carrier, longer).Retention(AccessRecordRetentionRules.Embedded, Today).Value!;
        Assert.Equal((legalYears, keptMonths, "2023-09-22"), (r.LegalYears, r.Months, r.RuleSetId));
        Assert.Equal(grounds, string.Join(',', r.Grounds.Select(g => g.Key)));
        Assert.All(r.Grounds, g => Assert.Contains("제8조", g.BasisKo, StringComparison.Ordinal));
    }

    [Fact]
    public void A_carrier_had_no_ground_under_the_2019_rule_but_its_old_records_are_kept_by_todays_rule()
    {
        var carrier = System(carrier: true);
        var old = new DateOnly(2023, 1, 10);
        Assert.Equal((1, "base"), (carrier.Retention(AccessRecordRetentionRules.Embedded, old).Value!.LegalYears, carrier.Retention(AccessRecordRetentionRules.Embedded, old).Value!.Grounds.Single().Key));

        // Kept for the longer of the rule of its day and today's rule: two years, so not purgeable in 2024-06.
        Assert.Equal(new DateOnly(2025, 1, 10), carrier.KeepUntil(AccessRecordRetentionRules.Embedded, old, new DateOnly(2024, 6, 1)));
        Assert.False(carrier.MayPurge(AccessRecordRetentionRules.Embedded, old, new DateOnly(2025, 1, 10)));
        Assert.True(carrier.MayPurge(AccessRecordRetentionRules.Embedded, old, new DateOnly(2025, 1, 11)));
    }

    [Fact]
    public void A_day_is_purgeable_only_after_its_retention_and_a_day_before_every_rule_is_kept_longest()
    {
        var small = System();
        var day = new DateOnly(2025, 3, 1);
        Assert.Equal(new DateOnly(2026, 3, 1), small.KeepUntil(AccessRecordRetentionRules.Embedded, day, Today));
        Assert.True(small.MayPurge(AccessRecordRetentionRules.Embedded, day, Today));
        Assert.False(small.MayPurge(AccessRecordRetentionRules.Embedded, new DateOnly(2025, 12, 5), Today));

        var rules = AccessRecordRetentionRules.Embedded;
        Assert.IsType<AccessRecordNoRule>(small.Retention(rules, new DateOnly(2019, 1, 1)).Error);
        Assert.Equal(new DateOnly(2021, 1, 1), small.KeepUntil(rules, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 2)));
    }

    [Theory]
    [InlineData(null, "name")]
    [InlineData("  ", "name")]
    public void A_system_needs_a_name(string? name, string field)
    {
        var r = ProcessingSystem.Create(Guid.NewGuid(), name, null, new RetentionFacts(0, false, false, false, null), null, Guid.NewGuid(), Now);
        Assert.Equal($"validation.{field}", r.Error!.Code);
    }

    [Theory]
    [InlineData(-1L, null, null, "validation.dataSubjects")]
    [InlineData(1L, 6, null, "validation.longerRetentionMonths")]
    [InlineData(1L, 121, null, "validation.longerRetentionMonths")]
    [InlineData(1L, null, "10.0.0.0/33", "validation.allowedSources")]
    [InlineData(1L, null, "intranet", "validation.allowedSources")]
    public void Bad_facts_are_refused_with_the_field_named(long subjects, int? longer, string? ranges, string code)
    {
        var r = ProcessingSystem.Create(Guid.NewGuid(), "ERP", null, new RetentionFacts(subjects, false, false, false, longer), ranges, Guid.NewGuid(), Now);
        Assert.Equal(code, r.Error!.Code);
    }

    [Fact]
    public void Allowed_sources_are_kept_as_normalized_cidr_ranges()
    {
        var s = ProcessingSystem.Create(Guid.NewGuid(), "ERP", null, new RetentionFacts(1, false, false, false, null), "10.0.0.0/8, 192.168.1.7\n10.0.0.0/8", Guid.NewGuid(), Now).Value!;
        Assert.Equal("10.0.0.0/8,192.168.1.7/32", s.AllowedSources);
    }

    [Fact]
    public void A_broken_rules_file_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => AccessRecordRetentionRules.Parse("""{"ruleSets":[{"id":"x","effectiveFrom":"2020-01-01","baseYears":1,"extendedYears":2,"dataSubjectsThreshold":50000,"grounds":{}}]}"""));
        Assert.Throws<InvalidDataException>(() => AccessRecordRetentionRules.Parse("""{"ruleSets":[{"id":"x","effectiveFrom":"2020-01-01","baseYears":1,"extendedYears":2,"dataSubjectsThreshold":50000,"grounds":{"base":{"basisKo":"a","basisEn":"b","source":"[V]"},"moon":{"basisKo":"a","basisEn":"b","source":"[V]"}}}]}"""));
        Assert.Throws<InvalidDataException>(() => AccessRecordRetentionRules.Parse("""{"ruleSets":[{"id":"x","effectiveFrom":"2020-01-01","effectiveTo":"2021-01-01","baseYears":1,"extendedYears":2,"dataSubjectsThreshold":50000,"grounds":{"base":{"basisKo":"a","basisEn":"b","source":"[V]"}}}]}"""));
    }
}
