using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jikimi.TestSupport.Data;

namespace Jikimi.Web.Tests.AccessRecords;

public class AccessRecordEndpointTests
{
    private const string Csv = "user_id,access_dt,ip,cust_no,job\nu1,2026-11-01 10:00:00,10.0.0.1,C000001,R01\nu2,2026-11-02 10:00:00,10.0.0.2,,D09\n";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Records_arrive_by_upload_and_by_a_shippers_body_with_a_token_then_verify_and_purge_answer_by_role(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider);
        var w = await World.CreateAsync(h);
        var alice = h.Client(w.Alice);
        var o = $"/api/v1/orgs/{w.A.Org}";
        var system = (await HttpAssert.Json(await alice.PostAsJsonAsync($"{o}/processing-systems", new { name = "고객관리", dataSubjects = 1000 }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var records = $"{o}/processing-systems/{system}/records";

        var early = new MultipartFormDataContent { { new StringContent(Csv), "file", "access.csv" } };
        await HttpAssert.Problem(await alice.PostAsync(records, early), HttpStatusCode.Conflict, "access_records.no_format");
        await HttpAssert.Json(await alice.PutAsJsonAsync($"{o}/processing-systems/{system}/format", new { format = "csv", mapping = new { account = "user_id", time = "access_dt", source = "ip", subject = "cust_no", action = "job" } }), HttpStatusCode.OK);

        var upload = await HttpAssert.Json(await alice.PostAsync(records, new MultipartFormDataContent { { new StringContent(Csv), "file", "access.csv" } }), HttpStatusCode.OK);
        Assert.Equal((2L, 2, 1L), (upload.GetProperty("records").GetInt64(), upload.GetProperty("segments").GetArrayLength(), upload.GetProperty("missingByField").GetProperty("subject").GetInt64()));

        async Task<string> Token(string role) => (await HttpAssert.Json(await alice.PostAsJsonAsync($"{o}/api-tokens", new { name = role, role }), HttpStatusCode.Created)).GetProperty("token").GetString()!;
        var shipper = h.Client(await Token("compliance-manager"));
        var body = new StringContent(Csv, Encoding.UTF8);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var shipped = await HttpAssert.Json(await shipper.PostAsync(records, body), HttpStatusCode.OK);
        Assert.Equal(4L, shipped.GetProperty("segments")[1].GetProperty("sequence").GetInt64());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await shipper.PostAsync(records, new StringContent(string.Empty))).StatusCode); // nothing to keep

        var viewer = h.Client(await Token("viewer"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(records, new StringContent(Csv))).StatusCode);
        var verified = await HttpAssert.Json(await viewer.GetAsync($"{records}/verify"), HttpStatusCode.OK);
        Assert.Equal((true, 4L), (verified.GetProperty("intact").GetBoolean(), verified.GetProperty("segments").GetInt64()));

        Assert.Equal(HttpStatusCode.Forbidden, (await shipper.PostAsync($"{records}/purge", JsonContent.Create(new { }))).StatusCode);
        var purge = await HttpAssert.Json(await alice.PostAsync($"{records}/purge", JsonContent.Create(new { })), HttpStatusCode.OK);
        Assert.Equal((0, 4L), (purge.GetProperty("purged").GetArrayLength(), purge.GetProperty("kept").GetInt64()));
    }
}
