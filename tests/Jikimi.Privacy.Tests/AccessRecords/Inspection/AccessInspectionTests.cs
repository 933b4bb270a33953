using System.Globalization;
using System.Net;
using System.Text;
using Jikimi.Input;
using Jikimi.Privacy.AccessRecords;
using Jikimi.Privacy.AccessRecords.Inspection;

namespace Jikimi.Privacy.Tests.AccessRecords.Inspection;

public class AccessInspectionTests
{
    // October 2026: 10-03 is a Saturday, 10-05 the substitute holiday for it, 10-06 an ordinary Tuesday, 10-09 한글날.
    private static readonly InspectionOptions October = new(new DateOnly(2026, 10, 1));

    private static long _line;

    private static AccessRecord R(string account, string kst, AccessAction action = AccessAction.View, string source = "10.1.2.3", string subject = "C1", long? records = null, string reason = "") =>
        new(++_line, account, DateTimeOffset.ParseExact(kst + " +09:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture), source, subject, action, action.ToWire(), records, string.Empty, reason);

    private static IEnumerable<AccessRecord> Daily(string account, DateOnly from, DateOnly to, int perDay, string source = "10.1.2.3")
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            for (var i = 0; i < perDay; i++)
            {
                yield return R(account, $"{d:yyyy-MM-dd} 10:{i % 60:00}", source: source);
            }
        }
    }

    private static InspectionResult Run(IEnumerable<AccessRecord> records, InspectionOptions? options = null, InspectionRules? rules = null) =>
        AccessInspection.Run(records, rules ?? InspectionRules.Embedded, options ?? October);

    private static List<InspectionHit> Hits(InspectionResult result, string rule) => result.Hits.Where(h => h.RuleId == rule).ToList();

    [Fact]
    public void The_shipped_rules_cover_every_kind_once_with_titles_and_controls()
    {
        var rules = InspectionRules.Embedded.Rules;
        Assert.Equal(Enum.GetValues<InspectionKind>().Order(), rules.Select(r => r.Kind).Order());
        Assert.All(rules, r => Assert.Contains("2.9.5", r.Controls));
        Assert.All(rules, r => Assert.Equal(InspectionRules.Wire(r.Kind), r.Id));
        Assert.Throws<InvalidDataException>(() => InspectionRules.Parse("""{"version":"x","rules":[{"id":"a","kind":"bulk-view","titleKo":"가","titleEn":"a","descriptionKo":"가","descriptionEn":"a","controls":["2.9.5"],"parameters":{}}]}"""));
        Assert.Throws<InvalidDataException>(() => InspectionRules.Parse("""{"version":"x","rules":[{"id":"a","kind":"nope","titleKo":"가","titleEn":"a","descriptionKo":"가","descriptionEn":"a","controls":["2.9.5"]}]}"""));
    }

    [Fact]
    public void Download_without_a_reason_is_grouped_per_account_and_day()
    {
        var result = Run([
            R("kim01", "2026-10-06 10:00", AccessAction.Download, records: 10, reason: "경품 발송"),
            R("kim01", "2026-10-06 11:00", AccessAction.Download, records: 10),
            R("kim01", "2026-10-06 11:05", AccessAction.Download, records: 3, reason: " "),
            R("kim01", "2026-10-07 11:00", AccessAction.View),
        ]);
        var hit = Assert.Single(Hits(result, "download-without-reason"));
        Assert.Equal(("kim01", new DateOnly(2026, 10, 6), 2L, 2), (hit.Account, hit.Day, hit.Records, hit.SampleKeys.Count));
    }

    [Fact]
    public void Large_download_is_flagged_even_with_a_reason()
    {
        var big = R("kim01", "2026-10-06 10:00", AccessAction.Download, records: 1000, reason: "감사 자료");
        var result = Run([big, R("lee02", "2026-10-06 10:00", AccessAction.Download, records: 999, reason: "x")]);
        var hit = Assert.Single(Hits(result, "large-download"));
        Assert.Equal(("kim01", 1L, big.Line), (hit.Account, hit.Records, hit.SampleKeys[0]));
    }

    [Fact]
    public void Bulk_view_sums_the_viewed_rows_of_one_account_in_one_day()
    {
        var result = Run([
            R("kim01", "2026-10-06 10:00", records: 600), R("kim01", "2026-10-06 15:00", records: 400),
            R("kim01", "2026-10-07 10:00", records: 999),
            R("lee02", "2026-10-06 10:00", AccessAction.Download, records: 5000, reason: "x"),
        ]);
        var hit = Assert.Single(Hits(result, "bulk-view"));
        Assert.Equal(("kim01", new DateOnly(2026, 10, 6), 1000L, 2), (hit.Account, hit.Day, hit.Records, hit.SampleKeys.Count));
    }

    [Fact]
    public void Off_hours_counts_evenings_weekends_and_substitute_holidays_in_korean_time()
    {
        var utcMorning = new AccessRecord(++_line, "kim01", new DateTimeOffset(2026, 10, 6, 1, 0, 0, TimeSpan.Zero), "10.1.2.3", "C1", AccessAction.View, "view", null, "", "");
        var result = Run([
            utcMorning, R("kim01", "2026-10-06 18:59"), R("kim01", "2026-10-06 19:00"), R("kim01", "2026-10-06 07:59"),
            R("kim01", "2026-10-05 10:00"), R("kim01", "2026-10-10 10:00"), R("kim01", "2026-10-09 10:00"),
        ]);
        Assert.Equal([(new DateOnly(2026, 10, 5), 1L), (new DateOnly(2026, 10, 6), 2L), (new DateOnly(2026, 10, 9), 1L), (new DateOnly(2026, 10, 10), 1L)],
            Hits(result, "off-hours").Select(h => (h.Day, h.Records)));

        var own = Run([R("kim01", "2026-10-06 19:30"), R("kim01", "2026-10-07 10:00")],
            October with { WorkStart = new TimeOnly(7, 0), WorkEnd = new TimeOnly(20, 0), ExtraHolidays = [new DateOnly(2026, 10, 7)] });
        Assert.Equal([new DateOnly(2026, 10, 7)], Hits(own, "off-hours").Select(h => h.Day));
    }

    [Fact]
    public void New_source_needs_history_and_groups_on_the_first_day_it_was_used()
    {
        var history = October with { HistoryFrom = new DateOnly(2026, 8, 1) };
        AccessRecord[] records = [
            R("kim01", "2026-09-10 10:00", source: "10.1.2.3"), R("kim01", "2026-10-06 10:00", source: "10.1.2.3"),
            R("kim01", "2026-10-08 10:00", source: "10.9.9.9"), R("kim01", "2026-10-07 10:00", source: "10.9.9.9"),
        ];
        var hit = Assert.Single(Hits(Run(records, history), "new-source"));
        Assert.Equal((new DateOnly(2026, 10, 7), 2L), (hit.Day, hit.Records));

        var noHistory = Run(records);
        Assert.Empty(Hits(noHistory, "new-source"));
        Assert.Contains(noHistory.Notes, n => n.RuleId == "new-source" && n.Code == "history_short");
    }

    [Fact]
    public void Sources_outside_the_allowed_ranges_are_flagged_and_non_ip_sources_are_not_judged()
    {
        var options = October with { AllowedSources = [IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("2001:db8::/32")] };
        var result = Run([
            R("kim01", "2026-10-06 10:00", source: "10.1.2.3"), R("kim01", "2026-10-06 10:01", source: "203.0.113.5"),
            R("kim01", "2026-10-06 10:02", source: "2001:db8::1"), R("kim01", "2026-10-06 10:03", source: "[local]"),
        ], options);
        Assert.Equal(1L, Assert.Single(Hits(result, "outside-allowed-sources")).Records);
        Assert.Contains(Run([R("kim01", "2026-10-06 10:01", source: "203.0.113.5")]).Notes, n => n.Code == "no_allowed_ranges");
    }

    [Fact]
    public void A_dormant_account_that_becomes_active_is_flagged_once_on_its_first_day()
    {
        var options = October with { HistoryFrom = new DateOnly(2026, 6, 1) };
        var result = Run([
            R("kim01", "2026-06-10 10:00"), R("kim01", "2026-10-07 10:00"), R("kim01", "2026-10-08 10:00"),
            R("lee02", "2026-09-20 10:00"), R("lee02", "2026-10-07 10:00"),
        ], options);
        var hit = Assert.Single(Hits(result, "dormant-account-active"));
        Assert.Equal(("kim01", new DateOnly(2026, 10, 7)), (hit.Account, hit.Day));
        Assert.Contains(Run([R("kim01", "2026-10-07 10:00")]).Notes, n => n.RuleId == "dormant-account-active" && n.Code == "history_short");
    }

    [Fact]
    public void Leavers_from_the_hr_list_are_flagged_after_the_day_they_left()
    {
        var list = LeaversList.Read(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "access-logs", "inspection", "leavers.csv")), "leavers.csv", new InputLimits());
        Assert.True(list.IsOk);
        Assert.Equal((2, new DateOnly(2026, 10, 5)), (list.Value.Count, list.Value.LeftOn("PARK03")));
        var result = Run([R("park03", "2026-10-05 10:00"), R("park03", "2026-10-06 10:00"), R("choi04", "2026-10-01 10:00"), R("kim01", "2026-10-06 10:00")],
            October with { Leavers = list.Value });
        Assert.Equal([("choi04", new DateOnly(2026, 10, 1)), ("park03", new DateOnly(2026, 10, 6))], Hits(result, "leaver-active").Select(h => (h.Account, h.Day)));
        Assert.Contains(Run([R("park03", "2026-10-06 10:00")]).Notes, n => n.Code == "no_leavers_list");
    }

    [Theory]
    [InlineData("계정,이름\r\nkim01,김\r\n", 1L, null)]
    [InlineData("account,left_on\r\nkim01,2026-13-01\r\n", 2L, 2)]
    [InlineData("account,left_on\r\n,2026-10-01\r\n", 2L, 1)]
    public void A_broken_leavers_list_is_refused_naming_the_place(string csv, long line, int? column)
    {
        var r = LeaversList.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "leavers.csv", new InputLimits());
        Assert.Equal(InputError.MalformedCode, r.Error!.Code);
        Assert.Equal((line, column), (r.Error.Place!.Line, r.Error.Place.Column));
    }

    [Fact]
    public void Repeated_views_of_one_subject_in_a_day_are_flagged_from_the_threshold()
    {
        var records = Enumerable.Range(0, 21).Select(i => R("kim01", $"2026-10-06 10:{i:00}", subject: "C1"))
            .Concat(Enumerable.Range(0, 19).Select(i => R("kim01", $"2026-10-06 11:{i:00}", subject: "C2")))
            .Concat(Enumerable.Range(0, 19).Select(i => R("kim01", $"2026-10-07 11:{i:00}", subject: "C1")))
            .Append(R("kim01", "2026-10-06 12:00", AccessAction.Change, subject: "C1"));
        var hit = Assert.Single(Hits(Run(records), "repeated-subject"));
        Assert.Equal((new DateOnly(2026, 10, 6), 21L, 2), (hit.Day, hit.Records, hit.SampleKeys.Count));

        var capped = Run(records, rules: InspectionRules.Embedded.WithParameter("repeated-subject", "maxPairs", 1));
        Assert.Contains(capped.Notes, n => n.RuleId == "repeated-subject" && n.Code == "capped");
    }

    [Fact]
    public void Activity_far_above_the_accounts_own_30_day_baseline_is_flagged()
    {
        var options = October with { HistoryFrom = new DateOnly(2026, 9, 1) };
        var records = Daily("kim01", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 5), 10)
            .Concat(Daily("kim01", new DateOnly(2026, 10, 6), new DateOnly(2026, 10, 6), 120))
            .Concat(Daily("kim01", new DateOnly(2026, 10, 7), new DateOnly(2026, 10, 7), 45))
            .Concat(Daily("lee02", new DateOnly(2026, 10, 6), new DateOnly(2026, 10, 6), 99));
        var hit = Assert.Single(Hits(Run(records, options), "above-baseline"));
        Assert.Equal(("kim01", new DateOnly(2026, 10, 6), 120L, 5), (hit.Account, hit.Day, hit.Records, hit.SampleKeys.Count));
        Assert.Contains(Run(records).Notes, n => n.RuleId == "above-baseline" && n.Code == "history_short");
    }

    [Fact]
    public void Records_without_account_or_time_are_counted_as_unjudged_and_other_months_are_ignored()
    {
        var result = Run([
            R("", "2026-10-06 10:00"), new AccessRecord(++_line, "kim01", null, "", "", AccessAction.View, "view", null, "", ""),
            R("kim01", "2026-11-01 00:00"), R("kim01", "2026-09-30 23:59"), R("kim01", "2026-10-31 23:59"),
        ]);
        Assert.Equal((1L, 2L), (result.RecordsInMonth, result.Unjudged));
    }

    [Fact]
    public void The_holiday_calendars_name_their_source_and_the_substitute_days()
    {
        var y2025 = KoreanHolidays.For(2025)!;
        var y2026 = KoreanHolidays.For(2026)!;
        Assert.Contains(y2025, h => h.Date == new DateOnly(2025, 10, 8) && h.Substitute);
        Assert.Contains(y2026, h => h.Date == new DateOnly(2026, 8, 17) && h.Substitute);
        Assert.Contains(y2026, h => h.Date == new DateOnly(2026, 2, 17) && h.NameKo == "설날");
        Assert.All(y2026.Where(h => h.Substitute), h => Assert.Equal(DayOfWeek.Monday, h.Date.DayOfWeek));
        Assert.Null(KoreanHolidays.For(2031));
        Assert.Contains(Run([R("kim01", "2031-01-06 10:00")], new InspectionOptions(new DateOnly(2031, 1, 1))).Notes, n => n.Code == "no_holidays");
    }
}
