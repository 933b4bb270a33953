using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Jikimi.TestSupport;

/// <summary>A real HTTP listener on a loopback port that records webhook deliveries (body and headers).</summary>
public sealed class WebhookSink : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebhookSink(int status = 200)
    {
        Status = status;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public sealed record Delivery(byte[] Body, string? Signature, string? DeliveryId);

    public string Url { get; }

    /// <summary>The status code answered (change it to simulate an outage).</summary>
    public int Status { get; set; }

    public ConcurrentQueue<Delivery> Received { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var ms = new MemoryStream();
            await ctx.Request.InputStream.CopyToAsync(ms);
            if (Status is >= 200 and < 300)
            {
                Received.Enqueue(new Delivery(ms.ToArray(), ctx.Request.Headers["X-Jikimi-Signature"], ctx.Request.Headers["X-Jikimi-Delivery"]));
            }

            ctx.Response.StatusCode = Status;
            ctx.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop;
    }
}
