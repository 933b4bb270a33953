using System.Net.Sockets;
using System.Text;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Web.Tests;

/// <summary>An upload cut off mid-stream (client gone) leaves nothing behind: no record, no bytes, no temp file.</summary>
public class UploadInterruptionTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Cut_off_upload_leaves_nothing_behind(string provider)
    {
        await using var h = await WebHarness.StartAsync(provider, realPort: true);
        var w = await World.CreateAsync(h);
        var store = Path.Combine(h.Database.DataDirectory, "evidence");
        var before = Directory.GetFiles(store, "*", SearchOption.AllDirectories).Length;
        int evidenceBefore;
        await using (var db0 = h.Database.NewContext())
        {
            evidenceBefore = await db0.Evidence.IgnoreQueryFilters().CountAsync(); // what World recorded
        }

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(h.BaseAddress!.Host, h.BaseAddress.Port);
        var stream = tcp.GetStream();
        const string boundary = "jikimi-cut";
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        var request = $"POST /api/v1/orgs/{w.A.Org}/evidence HTTP/1.1\r\nHost: {h.BaseAddress.Authority}\r\nAuthorization: Bearer {w.Alice}\r\n" +
                      $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {10_000_000}\r\n\r\n{head}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var chunk = new byte[256 * 1024];
        Random.Shared.NextBytes(chunk);
        await stream.WriteAsync(chunk);
        await stream.FlushAsync();

        // The server is streaming into a temp file; then the client disappears.
        var tmp = Path.Combine(store, "tmp");
        await Eventually(() => Directory.Exists(tmp) && Directory.GetFiles(tmp).Length == 1, "upload started");
        tcp.Client.LingerState = new LingerOption(true, 0);
        tcp.Close();

        await Eventually(() => Directory.GetFiles(tmp).Length == 0, "temp file removed");
        Assert.Equal(before, Directory.GetFiles(store, "*", SearchOption.AllDirectories).Length);
        await using var db = h.Database.NewContext();
        Assert.Equal(evidenceBefore, await db.Evidence.IgnoreQueryFilters().CountAsync());
        Assert.Equal(0, await db.EvidenceBlobs.CountAsync());
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }
}
