namespace Jikimi.Application.Common;

/// <summary>
/// Tells other application nodes that organizations changed, so their read caches move on at once. The default
/// does nothing (one node); PostgreSQL deployments use NOTIFY (Jikimi.Persistence.Postgres).
/// </summary>
public interface IChangeFeed
{
    Task PublishAsync(IReadOnlyCollection<(Guid Organization, bool Security)> changes, CancellationToken ct);
}

internal sealed class NoChangeFeed : IChangeFeed
{
    public Task PublishAsync(IReadOnlyCollection<(Guid Organization, bool Security)> changes, CancellationToken ct) => Task.CompletedTask;
}
