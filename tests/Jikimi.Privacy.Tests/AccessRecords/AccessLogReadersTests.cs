using System.Text;
using Jikimi.Input;
using Jikimi.Privacy.AccessRecords;

namespace Jikimi.Privacy.Tests.AccessRecords;

public class AccessLogReadersTests
{
    private static readonly DateTimeOffset Kim1 = new(2026, 11, 2, 0, 14, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Kim2 = new(2026, 11, 2, 0, 20, 11, TimeSpan.Zero);

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    internal static (List<AccessRecord> Records, InputError? Error) Read(AccessLogFormat format, Stream stream, string? mappingJson = null, InputLimits? limits = null, TimeProvider? clock = null)
    {
        var mapping = AccessLogMapping.Parse(format, mappingJson);
        Assert.Null(mapping.Problem);
        using var reader = AccessLogReaders.Open(stream, "sample", format, mapping.Mapping!, limits ?? new InputLimits(), clock);
        var list = new List<AccessRecord>();
        if (reader.Start())
        {
            while (reader.TryRead(out var r))
            {
                list.Add(r!);
            }
        }

        return (list, reader.Error);
    }

    private static (List<AccessRecord> Records, InputError? Error) ReadFile(AccessLogFormat format, string file, string? mappingJson = null) =>
        Read(format, File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "access-logs", file)), mappingJson, clock: new FixedClock(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));

    private static (List<AccessRecord> Records, InputError? Error) ReadText(AccessLogFormat format, string text, string? mappingJson = null, InputLimits? limits = null) =>
        Read(format, new MemoryStream(Encoding.UTF8.GetBytes(text)), mappingJson, limits);

    private static DateTimeOffset? Seconds(DateTimeOffset? t) => t is { } v ? new DateTimeOffset(v.UtcTicks - (v.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero) : null;

    private static void AssertKim(AccessRecord view, AccessRecord download, AccessAction second = AccessAction.Download)
    {
        Assert.Equal(("kim01", Kim1, "10.1.2.3", "C000123", AccessAction.View), (view.Account, Seconds(view.Time), view.Source, view.Subject, view.Action));
        Assert.Equal(("kim01", Kim2, "10.1.2.3", "C000123", second), (download.Account, Seconds(download.Time), download.Source, download.Subject, download.Action));
        Assert.Empty(view.Missing());
        Assert.Empty(download.Missing());
    }

    private static Completeness Count(IEnumerable<AccessRecord> records)
    {
        var c = new Completeness();
        foreach (var r in records)
        {
            c.Add(r);
        }

        return c;
    }

    [Fact]
    public void Json_lines_read_nested_keys_by_dotted_path_and_skip_blank_lines()
    {
        var (records, error) = ReadFile(AccessLogFormat.JsonLines, "app.jsonl",
            """{"account":"user.id","time":"ts","source":"client.ip","subject":"target.customerNo","action":"action","records":"count","file":"file","reason":"reason"}""");
        Assert.Null(error);
        Assert.Equal(3, records.Count);
        AssertKim(records[0], records[1]);
        Assert.Equal((350L, "고객목록_202611.xlsx", "이벤트 경품 발송", 2L), (records[1].Records, records[1].File, records[1].Reason, records[1].Line));
        Assert.Equal(4, records[2].Line);
        var c = Count(records);
        Assert.Equal((3L, 1L, 1L), (c.Records, c.Incomplete, c.MissingByField["source"]));
    }

    [Fact]
    public void Json_lines_refuse_a_line_that_is_not_an_object_naming_the_line()
    {
        var (records, error) = ReadText(AccessLogFormat.JsonLines, "{\"u\":\"a\",\"t\":\"2026-11-02 09:00:00\"}\n{\"u\":\"b\", broken\n", """{"account":"u","time":"t"}""");
        Assert.Single(records);
        Assert.Equal(InputError.MalformedCode, error!.Code);
        Assert.Equal(2, error.Place!.Line);
        Assert.Equal(InputError.MalformedCode, ReadText(AccessLogFormat.JsonLines, "[1,2]\n", """{"account":"u","time":"t"}""").Error!.Code);
    }

    [Fact]
    public void Syslog_5424_reads_structured_data_then_message_pairs()
    {
        var (records, error) = ReadFile(AccessLogFormat.Syslog5424, "app-5424.log",
            """{"account":"user","source":"ip","subject":"subject","action":"action","records":"records","file":"file"}""");
        Assert.Null(error);
        AssertKim(records[0], records[1]);
        Assert.Equal((350L, "고객목록_202611.xlsx"), (records[1].Records, records[1].File));
        Assert.Equal(("lee02", "", AccessAction.Change), (records[2].Account, records[2].Source, records[2].Action));
        Assert.Equal(1L, Count(records).MissingByField["source"]);
    }

    [Fact]
    public void Syslog_5424_refuses_a_bsd_line()
    {
        var (_, error) = ReadText(AccessLogFormat.Syslog5424, "<86>Nov  2 09:14:05 crm01 crm-web: x\n");
        Assert.Equal((InputError.MalformedCode, 1L), (error!.Code, error.Place!.Line));
        Assert.Contains("5424", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syslog_3164_takes_the_year_from_the_clock_and_the_zone_from_the_mapping()
    {
        var (records, error) = ReadFile(AccessLogFormat.Syslog3164, "app-3164.log",
            """{"account":"user","source":"ip","subject":"subject","action":"action","records":"records","file":"file"}""");
        Assert.Null(error);
        Assert.Equal(4, records.Count);
        AssertKim(records[0], records[1]);
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 14, 40, 0, TimeSpan.Zero), records[2].Time!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 11, 12, 23, 0, 0, TimeSpan.Zero), records[3].Time!.Value.ToUniversalTime());
        Assert.Equal(1L, Count(records).MissingByField["source"]);

        // December read on 30 November is last year's December.
        var dec = Read(AccessLogFormat.Syslog3164, new MemoryStream("Dec 24 10:00:00 h app: user=a\n"u8.ToArray()), """{"account":"user"}""", clock: new FixedClock(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(2025, dec.Records[0].Time!.Value.Year);
    }

    [Fact]
    public void Syslog_3164_refuses_a_line_without_a_time()
    {
        var (_, error) = ReadText(AccessLogFormat.Syslog3164, "Nov  2 09:14:05 h app: ok\n<86>hello world\n");
        Assert.Equal((InputError.MalformedCode, 2L), (error!.Code, error.Place!.Line));
    }

    [Fact]
    public void Combined_reads_nginx_fields_the_request_and_query_parameters()
    {
        var (records, error) = ReadFile(AccessLogFormat.Combined, "access.log", """{"subject":"query.customerId","file":"path","actions":{"POST":"download"}}""");
        Assert.Null(error);
        AssertKim(records[0], records[1]);
        Assert.Equal("/admin/customers/export", records[1].File);
        var c = Count(records);
        Assert.Equal((1L, 1L), (c.MissingByField["account"], c.MissingByField["subject"]));
    }

    [Fact]
    public void Combined_refuses_an_unclosed_request_and_an_unknown_field()
    {
        var (_, error) = ReadText(AccessLogFormat.Combined, "10.1.2.3 - kim01 [02/Nov/2026:09:14:05 +0900] \"GET /x HTTP/1.1 200 1\n");
        Assert.Equal((InputError.MalformedCode, 1L), (error!.Code, error.Place!.Line));
        var unknown = ReadText(AccessLogFormat.Combined, "", """{"subject":"customer"}""").Error!;
        Assert.Contains("'customer'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void W3c_follows_each_fields_directive_and_reads_utc_times()
    {
        var (records, error) = ReadFile(AccessLogFormat.W3cExtended, "u_ex261102.log", """{"subject":"query.customerId","actions":{"POST":"download"}}""");
        Assert.Null(error);
        Assert.Equal(3, records.Count);
        Assert.Equal(@"CORP\kim01", records[0].Account);
        Assert.Equal((Kim1, "10.1.2.3", "C000123", AccessAction.View, 5L), (records[0].Time, records[0].Source, records[0].Subject, records[0].Action, records[0].Line));
        Assert.Equal((Kim2, AccessAction.Download), (records[1].Time, records[1].Action));
        Assert.Equal(("", "10.1.2.9", "C000777"), (records[2].Account, records[2].Source, records[2].Subject));
        Assert.Equal(1L, Count(records).MissingByField["account"]);
    }

    [Fact]
    public void W3c_refuses_entries_before_a_directive_a_missing_field_and_a_short_entry()
    {
        Assert.Contains("before any #Fields", ReadText(AccessLogFormat.W3cExtended, "2026-11-02 00:14:05 GET\n").Error!.Message, StringComparison.Ordinal);
        Assert.Contains("'cs-username'", ReadText(AccessLogFormat.W3cExtended, "#Fields: date time c-ip\n").Error!.Message, StringComparison.Ordinal);
        var (_, error) = ReadText(AccessLogFormat.W3cExtended, "#Fields: date time c-ip cs-username cs-method\n2026-11-02 00:14:05 10.1.2.3 kim01\n");
        Assert.Equal(2L, error!.Place!.Line);
    }

    [Fact]
    public void Postgres_csvlog_reads_columns_zones_and_sqlcommenter_pairs_across_lines()
    {
        var (records, error) = ReadFile(AccessLogFormat.PostgresCsv, "postgresql.csv", """{"subject":"subject","records":"records","actions":{"COPY":"download"}}""");
        Assert.Null(error);
        Assert.Equal(3, records.Count);
        AssertKim(records[0], records[1]);
        Assert.Equal((350L, 2L, 4L), (records[1].Records, records[1].Line, records[2].Line));
        Assert.Equal(("lee02", "[local]", AccessAction.Change), (records[2].Account, records[2].Source, records[2].Action));
        Assert.Equal(1L, Count(records).MissingByField["subject"]);
    }

    [Fact]
    public void Postgres_csvlog_refuses_a_line_with_too_few_columns()
    {
        var (_, error) = ReadText(AccessLogFormat.PostgresCsv, "2026-11-02 09:14:05.120 KST,\"kim01\",\"crm\"\n");
        Assert.Equal((InputError.MalformedCode, 1L), (error!.Code, error.Place!.Line));
    }

    [Fact]
    public void Mysql_enterprise_audit_json_is_framed_event_by_event_and_server_events_are_skipped()
    {
        var (records, error) = ReadFile(AccessLogFormat.MysqlAuditJson, "audit.log", """{"subject":"subject","actions":{"update":"download"}}""");
        Assert.Null(error);
        Assert.Equal(2, records.Count);
        AssertKim(records[0], records[1]);
        Assert.Equal((10L, 25L), (records[0].Line, records[1].Line));
        Assert.Equal(0L, Count(records).Incomplete);
    }

    [Fact]
    public void Percona_audit_json_lines_are_read_with_a_mapping()
    {
        var (records, error) = ReadFile(AccessLogFormat.MysqlAuditJson, "percona-audit.log",
            """{"account":"audit_record.user","time":"audit_record.timestamp","source":"audit_record.ip","subject":"customer","action":"audit_record.command_class"}""");
        Assert.Null(error);
        Assert.Equal(("kim01", Kim1, "10.1.2.3", AccessAction.View), (records[0].Account, records[0].Time, records[0].Source, records[0].Action));
        Assert.Equal(2L, Count(records).MissingByField["subject"]);
    }

    [Fact]
    public void Mysql_audit_refuses_text_between_events_and_an_unfinished_event()
    {
        Assert.Equal(2L, ReadText(AccessLogFormat.MysqlAuditJson, "[\nnot json\n]").Error!.Place!.Line);
        Assert.Contains("ends inside", ReadText(AccessLogFormat.MysqlAuditJson, "[\n {\"a\": \"}\"\n").Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccessLogFormat.JsonLines, "{\"u\":\"0123456789012345678901234567890123456789\"}\n", """{"account":"u","time":"t"}""")]
    [InlineData(AccessLogFormat.Syslog5424, "<86>1 2026-11-02T09:14:05Z h app - - - 0123456789012345678901234567890123456789\n", null)]
    [InlineData(AccessLogFormat.Syslog3164, "Nov  2 09:14:05 h app: 0123456789012345678901234567890123456789\n", null)]
    [InlineData(AccessLogFormat.Combined, "10.1.2.3 - kim01 [02/Nov/2026:09:14:05 +0900] \"GET /0123456789012345678901234567890 HTTP/1.1\" 200 1\n", null)]
    [InlineData(AccessLogFormat.W3cExtended, "#Fields: date time c-ip cs-username cs-method cs-uri-stem-0123456789012345678901234567890123456789\n", null)]
    [InlineData(AccessLogFormat.MysqlAuditJson, "[\n{\"timestamp\": \"0123456789012345678901234567890123456789\"}]\n", null)]
    public void An_oversized_line_stops_the_read_with_a_limit_error(AccessLogFormat format, string text, string? mapping)
    {
        var (_, error) = ReadText(format, text, mapping, new InputLimits { MaxLineChars = 40 });
        Assert.Equal(InputErrorKind.TooLarge, error!.Kind);
    }

    [Theory]
    [InlineData(AccessLogFormat.JsonLines)]
    [InlineData(AccessLogFormat.Syslog3164)]
    [InlineData(AccessLogFormat.Combined)]
    [InlineData(AccessLogFormat.PostgresCsv)]
    public void Bytes_that_are_not_utf8_give_an_encoding_error(AccessLogFormat format)
    {
        var mapping = format == AccessLogFormat.JsonLines ? """{"account":"u","time":"t"}""" : null;
        var (_, error) = Read(format, new MemoryStream([0x7B, 0xC0, 0xAF, 0x0A]), mapping);
        Assert.Equal(InputError.EncodingCode, error!.Code);
    }
}

public class AccessRecordTimeTests
{
    [Theory]
    [InlineData("2026-11-02 09:14:05", "2026-11-02T00:14:05Z")]
    [InlineData("2026-11-02T09:14:05.5+09:00", "2026-11-02T00:14:05.5Z")]
    [InlineData("2026-11-02T00:14:05.1234567Z", "2026-11-02T00:14:05.1234567Z")]
    [InlineData("2026-11-02T09:14:05+0900", "2026-11-02T00:14:05Z")]
    [InlineData("2026/11/02 09:14:05", "2026-11-02T00:14:05Z")]
    [InlineData("2026-02-30 10:00:00", null)]
    [InlineData("2026-11-02 25:00:00", null)]
    [InlineData("2026-11-02 09:14:05 KST", null)]
    [InlineData("2026-11-02T09:14:05+09", null)]
    public void Times_are_read_with_their_offset_or_in_the_mappings_zone_and_never_guessed(string text, string? utc)
    {
        var t = AccessRecord.ParseTime(text, AccessLogMapping.Kst);
        Assert.Equal(utc is null ? null : DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), t);
    }
}
