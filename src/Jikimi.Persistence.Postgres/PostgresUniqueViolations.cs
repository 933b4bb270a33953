using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Jikimi.Persistence.Postgres;

/// <summary>Tags a save that broke a unique index (SQLSTATE 23505, <see cref="UniqueViolation"/>).</summary>
internal sealed class PostgresUniqueViolations : SaveChangesInterceptor
{
    public static readonly PostgresUniqueViolations Instance = new();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Tag(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Tag(eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Tag(Exception exception)
    {
        if (exception is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } update)
        {
            UniqueViolation.Mark(update);
        }
    }
}
