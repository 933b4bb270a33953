using System.Text;
using Jikimi.Input;
using Jikimi.Privacy.AccessRecords;

namespace Jikimi.Privacy.Tests.AccessRecords;

public class DelimitedAccessLogReaderTests
{
    // Shaped like the access-log export of a Korean back-office system: one row per action, local time, job codes.
    private const string Export =
        "USER_ID,ACCESS_DT,CLIENT_IP,CUST_NO,JOB_CD,CNT,FILE_NM,DL_REASON\r\n" +
        "kim01,2026-11-02 09:14:05,10.1.2.3,C000123,R01,1,,\r\n" +
        "kim01,2026-11-02 09:20:11,10.1.2.3,C000123,D09,350,\"고객목록_202611.xlsx\",\"이벤트 경품 발송\"\r\n" +
        "lee02,2026-11-02T23:40:00Z,,C000777,UPDATE,1,,\r\n" +
        ",not a time,10.1.2.9,,,,,\r\n";

    private static readonly AccessLogMapping Mapping = AccessLogMapping.Parse(AccessLogFormat.Csv,
        """{"account":"user_id","time":"access_dt","source":"client_ip","subject":"cust_no","action":"job_cd","records":"cnt","file":"file_nm","reason":"dl_reason","actions":{"R01":"view","D09":"download"}}""").Mapping!;

    private static (List<AccessRecord> Records, InputError? Error) ReadAll(string text, AccessLogFormat format = AccessLogFormat.Csv, AccessLogMapping? mapping = null)
    {
        using var reader = DelimitedAccessLogReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "access.csv", format, mapping ?? Mapping, new InputLimits());
        var list = new List<AccessRecord>();
        if (!reader.Start())
        {
            return (list, reader.Error);
        }

        while (reader.TryRead(out var r))
        {
            list.Add(r!);
        }

        return (list, reader.Error);
    }

    [Fact]
    public void Rows_become_normalized_records_with_local_times_read_as_kst()
    {
        var (records, error) = ReadAll(Export);
        Assert.Null(error);
        Assert.Equal(4, records.Count);
        var download = records[1];
        Assert.Equal(("kim01", "10.1.2.3", "C000123", AccessAction.Download, 350L, "고객목록_202611.xlsx", "이벤트 경품 발송"), (download.Account, download.Source, download.Subject, download.Action, download.Records, download.File, download.Reason));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 20, 11, TimeSpan.Zero), download.Time!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 23, 40, 0, TimeSpan.Zero), records[2].Time);
        Assert.Equal(AccessAction.Change, records[2].Action);
        Assert.Equal(3, download.Line);
    }

    [Fact]
    public void Missing_items_are_counted_per_field_for_the_2_9_4_gap()
    {
        var (records, _) = ReadAll(Export);
        var c = new Completeness();
        records.ForEach(c.Add);
        Assert.Equal((4L, 2L), (c.Records, c.Incomplete));
        Assert.Equal(new Dictionary<string, long> { ["account"] = 1, ["time"] = 1, ["source"] = 1, ["subject"] = 1, ["action"] = 1 }, c.MissingByField);
    }

    [Fact]
    public void Tsv_is_read_with_the_same_mapping()
    {
        var (records, error) = ReadAll(Export.Replace(',', '\t'), AccessLogFormat.Tsv);
        Assert.Null(error);
        Assert.Equal(["kim01", "kim01", "lee02", ""], records.Select(r => r.Account));
    }

    [Fact]
    public void A_mapped_column_missing_from_the_header_is_refused_before_any_record()
    {
        var (records, error) = ReadAll("USER_ID,ACCESS_DT\r\nkim01,2026-11-02 09:14:05\r\n", mapping: Mapping);
        Assert.Empty(records);
        Assert.Equal(InputError.MalformedCode, error!.Code);
        Assert.Contains("client_ip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_stop_the_read_with_an_encoding_error()
    {
        var bytes = Encoding.UTF8.GetBytes("USER_ID,ACCESS_DT\r\nkim01,").Concat(new byte[] { 0xB0, 0xED }).Concat(Encoding.UTF8.GetBytes("\r\n")).ToArray();
        var mapping = AccessLogMapping.Parse(AccessLogFormat.Csv, """{"account":"user_id","time":"access_dt","source":null,"subject":null,"action":null}""").Mapping!;
        using var reader = DelimitedAccessLogReader.Open(new MemoryStream(bytes), "euc-kr.csv", AccessLogFormat.Csv, mapping, new InputLimits());
        // The decoder reads ahead, so the refusal may come with the header or with the row; either way no record passes.
        var read = 0;
        if (reader.Start())
        {
            while (reader.TryRead(out _))
            {
                read++;
            }
        }

        Assert.Equal(0, read);

        Assert.Equal(InputError.EncodingCode, reader.Error!.Code);
    }
}
