using Jikimi.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jikimi.Persistence.Sqlite;

/// <summary>Tags a save that broke a UNIQUE or PRIMARY KEY constraint (<see cref="UniqueViolation"/>).</summary>
internal sealed class SqliteUniqueViolations : SaveChangesInterceptor
{
    public static readonly SqliteUniqueViolations Instance = new();

    private const int Constraint = 19; // SQLITE_CONSTRAINT
    private const int ConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int ConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Tag(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Tag(eventData.Exception);
        return Task.CompletedTask;
    }

    private static void Tag(Exception exception)
    {
        if (exception is DbUpdateException { InnerException: SqliteException { SqliteErrorCode: Constraint, SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey } } update)
        {
            UniqueViolation.Mark(update);
        }
    }
}
