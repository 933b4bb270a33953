using Jikimi.Application.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Jikimi.Persistence.Postgres;

/// <summary>
/// Cross-node cache invalidation over PostgreSQL LISTEN/NOTIFY: after a commit a node sends
/// "node|organization|security" on channel jikimi_changes; every other node bumps that organization in its
/// <see cref="ReadCache"/>. If the listening connection drops, the cache is reset (changes may have been missed)
/// and the node listens again.
/// </summary>
public sealed partial class PostgresChangeFeed(string connectionString, ReadCache cache, ILogger<PostgresChangeFeed> logger) : IChangeFeed
{
    private const string Channel = "jikimi_changes";
    private readonly string _node = Guid.NewGuid().ToString("N");

    public async Task PublishAsync(IReadOnlyCollection<(Guid Organization, bool Security)> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        try
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync(ct);
            foreach (var (org, security) in changes)
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", conn);
                cmd.Parameters.AddWithValue("channel", Channel);
                cmd.Parameters.AddWithValue("payload", $"{_node}|{org:N}|{(security ? 1 : 0)}");
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        catch (NpgsqlException ex)
        {
            // The change is committed; other nodes fall back to the cache TTL.
            LogPublishFailed(logger, ex);
        }
    }

    /// <summary>Listens until cancelled, reconnecting after failures.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await conn.OpenAsync(ct);
                conn.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", conn))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                cache.Reset(); // anything before this moment may have been missed
                while (!ct.IsCancellationRequested)
                {
                    await conn.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or System.Net.Sockets.SocketException)
            {
                LogListenFailed(logger, ex);
                cache.Reset();
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length != 3 || parts[0] == _node || !Guid.TryParseExact(parts[1], "N", out var org))
        {
            return;
        }

        cache.ChangedElsewhere(org == Guid.Empty ? null : org, parts[2] == "1");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a change notification; other nodes rely on the cache TTL")]
    private static partial void LogPublishFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed connection lost; cache reset, reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception ex);
}
