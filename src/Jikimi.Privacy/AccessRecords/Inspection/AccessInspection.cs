using System.Net;

namespace Jikimi.Privacy.AccessRecords.Inspection;

/// <summary>
/// The monthly inspection of one system's access records in one pass: <see cref="Add"/> each record (in any order),
/// then <see cref="Finish"/>. Per-record rules (downloads, off-hours, sources, leavers, repeated subjects) group their
/// hits as records arrive; per-day rules (bulk viewing, dormant accounts, baseline, new sources) are judged at the
/// end from per-account aggregates. Memory grows with accounts × days and the caps of the rules, not with records
/// (ADR 0053). Records without an account or a time cannot be judged and are counted.
/// </summary>
public sealed class AccessInspection
{
    private readonly InspectionRules _rules;
    private readonly InspectionOptions _options;
    private readonly DateOnly _from;
    private readonly int _days;
    private readonly int _monthStart;
    private readonly int _sampleSize;
    private readonly HashSet<DateOnly> _holidays;
    private readonly Dictionary<string, AccountActivity> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Rule, string Account, int Day), Group> _groups = [];
    private readonly Dictionary<(int Account, int Day, ulong Subject), int> _pairs = [];
    private readonly double[] _threshold;
    private readonly List<InspectionNote> _notes = [];
    private readonly TimeSpan _workStart;
    private readonly TimeSpan _workEnd;
    private readonly int _sourceCap;
    private long _inMonth;
    private long _unjudged;
    private bool _pairsCapped;

    public AccessInspection(InspectionRules rules, InspectionOptions options)
    {
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        var earliest = options.MonthStart.AddDays(-InspectionOptions.MaxHistoryDays);
        _from = options.HistoryFrom is { } h ? (h < earliest ? earliest : h > options.MonthStart ? options.MonthStart : h) : options.MonthStart;
        _monthStart = options.MonthStart.DayNumber - _from.DayNumber;
        _days = options.MonthEnd.DayNumber - _from.DayNumber;
        _sampleSize = Math.Clamp(options.SampleSize, 1, 50);
        _threshold = rules.Rules.Select(r => r.Kind switch
        {
            InspectionKind.LargeDownload => r["minRecords"],
            InspectionKind.LeaverActive => r["graceDays"],
            InspectionKind.RepeatedSubject => Math.Max(r["minViews"], 1),
            _ => 0,
        }).ToArray();
        _sourceCap = Rule(InspectionKind.NewSource) is { } ns ? (int)Math.Min(ns["maxSourcesPerAccount"], int.MaxValue) : 0;
        var off = Rule(InspectionKind.OffHours);
        _workStart = options.WorkStart?.ToTimeSpan() ?? TimeSpan.FromHours(off?["startHour"] ?? 9);
        _workEnd = options.WorkEnd?.ToTimeSpan() ?? TimeSpan.FromHours(off?["endHour"] ?? 18);
        _holidays = [.. options.Holidays ?? KoreanHolidays.For(options.Month.Year)?.Select(d => d.Date) ?? [], .. options.ExtraHolidays];
        if (off is not null && options.Holidays is null && KoreanHolidays.For(options.Month.Year) is null)
        {
            Note(off, "no_holidays", $"No public-holiday calendar for {options.Month.Year}: only weekends and working hours were judged.");
        }
    }

    /// <summary>Runs the whole inspection over <paramref name="records"/> (keys are the records' lines).</summary>
    public static InspectionResult Run(IEnumerable<AccessRecord> records, InspectionRules rules, InspectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        var inspection = new AccessInspection(rules, options);
        foreach (var r in records)
        {
            inspection.Add(r);
        }

        return inspection.Finish();
    }

    /// <summary>Takes one record; <paramref name="key"/> names it in the hits' samples (its line when omitted).</summary>
    public void Add(AccessRecord record, long? key = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Account.Length == 0 || record.Time is not { } time)
        {
            _unjudged++;
            return;
        }

        var local = time.ToOffset(_options.Offset);
        var date = DateOnly.FromDateTime(local.DateTime);
        var day = date.DayNumber - _from.DayNumber;
        if (day < 0 || day >= _days)
        {
            return;
        }

        var k = key ?? record.Line;
        var account = Activity(record.Account);
        account.Add(day, k, record.Action == AccessAction.View ? Math.Max(record.Records ?? 1, 1) : 0);
        if (record.Source.Length > 0 && _sourceCap > 0)
        {
            account.SeeSource(record.Source, day, k, _sourceCap);
        }

        if (day >= _monthStart)
        {
            _inMonth++;
            Judge(record, account.Id, local, date, day, k);
        }
    }

    public InspectionResult Finish()
    {
        foreach (var rule in _rules.Rules)
        {
            switch (rule.Kind)
            {
                case InspectionKind.BulkView:
                    PerDay(rule, (a, d) => a.ViewedRows[d] >= rule["minRecords"] ? a.ViewedRows[d] : 0, views: true);
                    break;
                case InspectionKind.AboveBaseline:
                    AboveBaseline(rule);
                    break;
                case InspectionKind.DormantAccountActive:
                    Dormant(rule);
                    break;
                case InspectionKind.NewSource:
                    NewSources(rule);
                    break;
                case InspectionKind.OutsideAllowedSources when _options.AllowedSources.Count == 0:
                    Note(rule, "no_allowed_ranges", "The system has no allowed source ranges: not judged.");
                    break;
                case InspectionKind.LeaverActive when _options.Leavers is null:
                    Note(rule, "no_leavers_list", "No HR leavers list was given: not judged.");
                    break;
                case InspectionKind.RepeatedSubject when _pairsCapped:
                    Note(rule, "capped", $"More than {rule["maxPairs"]:N0} account–subject pairs in a day: pairs beyond that were not counted.");
                    break;
            }
        }

        var order = _rules.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var hits = _groups
            .Select(g => new InspectionHit(_rules.Rules[g.Key.Rule].Id, g.Key.Account, _from.AddDays(g.Key.Day), g.Value.Records, g.Value.Keys))
            .OrderBy(h => order[h.RuleId]).ThenBy(h => h.Account, StringComparer.Ordinal).ThenBy(h => h.Day).ToList();
        return new InspectionResult(_options.MonthStart, _rules.Version, _inMonth, _unjudged, hits, _notes);
    }

    private void Judge(AccessRecord r, int accountId, DateTimeOffset local, DateOnly date, int day, long key)
    {
        for (var i = 0; i < _rules.Rules.Count; i++)
        {
            var rule = _rules.Rules[i];
            var hit = rule.Kind switch
            {
                InspectionKind.DownloadWithoutReason => r.Action == AccessAction.Download && string.IsNullOrWhiteSpace(r.Reason),
                InspectionKind.LargeDownload => r.Action == AccessAction.Download && r.Records >= _threshold[i],
                InspectionKind.OffHours => !IsWorkTime(local, date),
                InspectionKind.OutsideAllowedSources => _options.AllowedSources.Count > 0 && IPAddress.TryParse(r.Source, out var ip) && !_options.AllowedSources.Any(n => n.Contains(ip)),
                InspectionKind.LeaverActive => _options.Leavers?.LeftOn(r.Account) is { } left && date > left.AddDays((int)_threshold[i]),
                _ => false,
            };
            if (hit)
            {
                Hit(i, r.Account, day, 1, key);
            }
            else if (rule.Kind == InspectionKind.RepeatedSubject && r.Action == AccessAction.View && r.Subject.Length > 0)
            {
                Repeated(i, rule, r, accountId, day, key);
            }
        }
    }

    private void Repeated(int index, InspectionRule rule, AccessRecord r, int accountId, int day, long key)
    {
        var pair = (accountId, day, Fnv(r.Subject));
        if (!_pairs.TryGetValue(pair, out var n) && _pairs.Count >= rule["maxPairs"])
        {
            _pairsCapped = true;
            return;
        }

        _pairs[pair] = ++n;
        var min = (int)_threshold[index];
        if (n >= min)
        {
            Hit(index, r.Account, day, n == min ? min : 1, key);
        }
    }

    private bool IsWorkTime(DateTimeOffset local, DateOnly date) =>
        _options.WorkDays.Contains(local.DayOfWeek) && !_holidays.Contains(date) && local.TimeOfDay >= _workStart && local.TimeOfDay < _workEnd;

    private void PerDay(InspectionRule rule, Func<AccountActivity, int, long> records, bool views)
    {
        var index = IndexOf(rule);
        foreach (var a in _accounts.Values)
        {
            for (var d = _monthStart; d < _days; d++)
            {
                if (records(a, d) is > 0 and var n)
                {
                    HitGroup(index, a, d, n, views);
                }
            }
        }
    }

    private void AboveBaseline(InspectionRule rule)
    {
        var baseline = (int)Math.Max(rule["baselineDays"], 1);
        if (_monthStart < baseline)
        {
            Note(rule, "history_short", $"The records given start {_monthStart} days before the month; the baseline needs {baseline}.");
            return;
        }

        PerDay(rule, (a, d) =>
        {
            long sum = 0;
            foreach (var x in a.Records.AsSpan(d - baseline, baseline))
            {
                sum += x;
            }

            var mean = sum / (double)baseline;
            return a.Records[d] >= rule["minRecords"] && a.Records[d] >= rule["factor"] * mean ? a.Records[d] : 0;
        }, views: false);
    }

    private void Dormant(InspectionRule rule)
    {
        var dormant = (int)Math.Max(rule["dormantDays"], 1);
        if (_monthStart < dormant)
        {
            Note(rule, "history_short", $"The records given start {_monthStart} days before the month; dormancy needs {dormant}.");
            return;
        }

        PerDay(rule, (a, d) => a.Records[d] > 0 && a.Records.AsSpan(d - dormant, dormant).IndexOfAnyExcept(0) < 0 ? a.Records[d] : 0, views: false);
    }

    private void NewSources(InspectionRule rule)
    {
        if (_monthStart < rule["minHistoryDays"])
        {
            Note(rule, "history_short", $"The records given start {_monthStart} days before the month; new sources need {rule["minHistoryDays"]}.");
            return;
        }

        var index = IndexOf(rule);
        foreach (var a in _accounts.Values)
        {
            foreach (var s in a.Sources.Values.Where(s => s.FirstDay >= _monthStart))
            {
                var g = GroupOf(index, a.Account, s.FirstDay);
                g.Records += s.MonthRecords;
                g.Keys.AddRange(s.Keys.Take(_sampleSize - g.Keys.Count));
            }
        }

        if (_accounts.Values.Any(a => a.SourcesCapped))
        {
            Note(rule, "capped", $"An account used more than {rule["maxSourcesPerAccount"]:N0} sources: the ones beyond were not judged.");
        }
    }

    private void Hit(int rule, string account, int day, long records, long key)
    {
        var g = GroupOf(rule, account, day);
        g.Records += records;
        if (g.Keys.Count < _sampleSize)
        {
            g.Keys.Add(key);
        }
    }

    private void HitGroup(int rule, AccountActivity a, int day, long records, bool views)
    {
        var g = GroupOf(rule, a.Account, day);
        g.Records += records;
        g.Keys.AddRange(a.SamplesOf(day, views));
    }

    private Group GroupOf(int rule, string account, int day)
    {
        if (!_groups.TryGetValue((rule, account, day), out var g))
        {
            g = new Group();
            _groups[(rule, account, day)] = g;
        }

        return g;
    }

    private AccountActivity Activity(string account)
    {
        if (!_accounts.TryGetValue(account, out var a))
        {
            a = new AccountActivity(_accounts.Count, account, _days, _monthStart, _sampleSize);
            _accounts[account] = a;
        }

        return a;
    }

    private InspectionRule? Rule(InspectionKind kind) => _rules.Rules.FirstOrDefault(r => r.Kind == kind);

    private int IndexOf(InspectionRule rule) => _rules.Rules.ToList().IndexOf(rule);

    private void Note(InspectionRule rule, string code, string message) => _notes.Add(new InspectionNote(rule.Id, code, message));

    /// <summary>FNV-1a over the subject's characters: pairs are counted by hash, so the raw value is not kept.</summary>
    private static ulong Fnv(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    private sealed class Group
    {
        public long Records { get; set; }

        public List<long> Keys { get; } = [];
    }
}
