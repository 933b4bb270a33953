using Jikimi.Input;
using Jikimi.Privacy.AccessRecords;

namespace Jikimi.Privacy.Tests.AccessRecords;

/// <summary>Mutated samples never make a reader throw: each ends with records, or with an input error.</summary>
public class AccessLogReaderRobustnessTests
{
    [Theory]
    [InlineData(AccessLogFormat.JsonLines, "app.jsonl", """{"account":"user.id","time":"ts","source":"client.ip","subject":"target.customerNo","action":"action"}""")]
    [InlineData(AccessLogFormat.Syslog5424, "app-5424.log", """{"account":"user","source":"ip","subject":"subject","action":"action"}""")]
    [InlineData(AccessLogFormat.Syslog3164, "app-3164.log", """{"account":"user","source":"ip","subject":"subject","action":"action"}""")]
    [InlineData(AccessLogFormat.Combined, "access.log", """{"subject":"query.customerId"}""")]
    [InlineData(AccessLogFormat.W3cExtended, "u_ex261102.log", """{"subject":"query.customerId"}""")]
    [InlineData(AccessLogFormat.PostgresCsv, "postgresql.csv", """{"subject":"subject"}""")]
    [InlineData(AccessLogFormat.MysqlAuditJson, "audit.log", """{"subject":"subject"}""")]
    public void Mutated_samples_end_in_records_or_an_input_error_never_an_exception(AccessLogFormat format, string file, string mapping)
    {
        var sample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "access-logs", file));
        var random = new Random(17);
        byte[] specials = "<>[]{}\"'\\=,: -#.\n\r\t0"u8.ToArray();
        for (var run = 0; run < 1000; run++)
        {
            var bytes = sample.ToArray();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                bytes[random.Next(bytes.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : specials[random.Next(specials.Length)];
            }

            var cut = random.Next(2) == 0 ? bytes : bytes[..random.Next(bytes.Length)];
            var (records, error) = AccessLogReadersTests.Read(format, new MemoryStream(cut), mapping, new InputLimits { MaxLineChars = 400 });
            Assert.True(error is not null || records.TrueForAll(r => r.Line > 0), "a record without its line");
        }
    }
}
