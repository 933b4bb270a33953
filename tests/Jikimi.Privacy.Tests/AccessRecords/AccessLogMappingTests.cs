using Jikimi.Privacy.AccessRecords;

namespace Jikimi.Privacy.Tests.AccessRecords;

public class AccessLogMappingTests
{
    [Fact]
    public void A_csv_mapping_names_the_columns_and_the_systems_own_action_words()
    {
        var r = AccessLogMapping.Parse(AccessLogFormat.Csv, """{"account":"user_id","time":"access_dt","source":"client_ip","subject":"cust_no","action":"job_cd","records":"cnt","actions":{"R01":"view","D09":"download"},"offset":"+09:00"}""");
        var m = Assert.IsType<AccessLogMapping>(r.Mapping);
        Assert.Equal(("user_id", "access_dt", "client_ip", "cust_no", "job_cd", "cnt"), (m.Account, m.Time, m.Source, m.Subject, m.Action, m.Records));
        Assert.Equal((AccessAction.View, AccessAction.Download, AccessAction.Change, AccessAction.Other), (m.ActionOf("R01"), m.ActionOf("d09"), m.ActionOf("UPDATE"), m.ActionOf("X77")));
        Assert.Equal(TimeSpan.FromHours(9), m.Offset);

        // Stored and read back the same.
        var again = AccessLogMapping.Parse(AccessLogFormat.Csv, m.ToJson()).Mapping!;
        Assert.Equal(m.ToJson(), again.ToJson());
    }

    [Fact]
    public void Fixed_formats_start_from_their_own_fields_and_a_mapping_changes_only_what_it_names()
    {
        var m = AccessLogMapping.Parse(AccessLogFormat.Combined, """{"subject":"query.customerId"}""").Mapping!;
        Assert.Equal(("remote_user", "time_local", "remote_addr", "method", "query.customerId"), (m.Account, m.Time, m.Source, m.Action, m.Subject));
        Assert.Equal("user_name", AccessLogMapping.Parse(AccessLogFormat.PostgresCsv, null).Mapping!.Account);
    }

    [Theory]
    [InlineData("""{"account":"u"}""", "time")]
    [InlineData("""{"time":"t"}""", "account")]
    [InlineData("""{"account":"u","time":"t","colour":"x"}""", "colour")]
    [InlineData("""{"account":"u","time":"t","actions":{"R":"peek"}}""", "actions")]
    [InlineData("""{"account":"u","time":"t","offset":"KST"}""", "offset")]
    [InlineData("""{"account":"","time":"t"}""", "account")]
    [InlineData("""[1,2]""", "mapping")]
    [InlineData("""{"account":""", "mapping")]
    public void A_bad_mapping_names_the_key_that_is_wrong(string json, string field)
    {
        var r = AccessLogMapping.Parse(AccessLogFormat.Csv, json);
        Assert.Null(r.Mapping);
        Assert.Equal(field, r.Field);
        Assert.False(string.IsNullOrEmpty(r.Problem));
    }

    [Theory]
    [InlineData("csv", AccessLogFormat.Csv)]
    [InlineData("SYSLOG-5424", AccessLogFormat.Syslog5424)]
    [InlineData("mysql-audit-json", AccessLogFormat.MysqlAuditJson)]
    public void Format_names_round_trip(string wire, AccessLogFormat format)
    {
        Assert.True(AccessLogFormats.TryParse(wire, out var f));
        Assert.Equal(format, f);
        Assert.Equal(wire.ToLowerInvariant(), f.ToWire());
        Assert.False(AccessLogFormats.TryParse("evtx", out _));
    }
}
