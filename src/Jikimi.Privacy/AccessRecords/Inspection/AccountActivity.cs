namespace Jikimi.Privacy.AccessRecords.Inspection;

/// <summary>
/// What the inspection keeps of one account: records and viewed rows per day over the window, a few sample keys per
/// day of the month, and the sources it used (first day, month count, samples) up to a cap. Its size depends on the
/// window and the caps, never on the number of records.
/// </summary>
internal sealed class AccountActivity(int id, string account, int days, int monthStart, int sampleSize)
{
    public sealed class Source(int firstDay)
    {
        public int FirstDay { get; set; } = firstDay;

        public long MonthRecords { get; set; }

        public List<long> Keys { get; } = [];
    }

    private readonly long[] _samples = new long[(days - monthStart) * sampleSize];
    private readonly long[] _viewSamples = new long[(days - monthStart) * sampleSize];
    private readonly byte[] _sampleCount = new byte[days - monthStart];
    private readonly byte[] _viewSampleCount = new byte[days - monthStart];

    public int Id { get; } = id;

    public string Account { get; } = account;

    public int[] Records { get; } = new int[days];

    public long[] ViewedRows { get; } = new long[days];

    public Dictionary<string, Source> Sources { get; } = new(StringComparer.Ordinal);

    public bool SourcesCapped { get; set; }

    public void Add(int day, long key, long viewedRows)
    {
        Records[day]++;
        ViewedRows[day] += viewedRows;
        if (day < monthStart)
        {
            return;
        }

        var m = day - monthStart;
        Sample(_samples, _sampleCount, m, key);
        if (viewedRows > 0)
        {
            Sample(_viewSamples, _viewSampleCount, m, key);
        }
    }

    public long[] SamplesOf(int day, bool views)
    {
        var m = day - monthStart;
        var count = (views ? _viewSampleCount : _sampleCount)[m];
        return (views ? _viewSamples : _samples).AsSpan(m * sampleSize, count).ToArray();
    }

    public void SeeSource(string source, int day, long key, int cap)
    {
        if (!Sources.TryGetValue(source, out var s))
        {
            if (Sources.Count >= cap)
            {
                SourcesCapped = true;
                return;
            }

            s = new Source(day);
            Sources[source] = s;
        }

        s.FirstDay = Math.Min(s.FirstDay, day);
        if (day >= monthStart)
        {
            s.MonthRecords++;
            if (s.Keys.Count < sampleSize)
            {
                s.Keys.Add(key);
            }
        }
    }

    private void Sample(long[] samples, byte[] counts, int m, long key)
    {
        if (counts[m] < sampleSize)
        {
            samples[(m * sampleSize) + counts[m]++] = key;
        }
    }
}
