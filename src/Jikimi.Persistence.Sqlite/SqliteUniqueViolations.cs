using Jikimi.Application.Data;
using Microsoft.Data.Sqlite;

namespace Jikimi.Persistence.Sqlite;

/// <summary>SQLite's UNIQUE and PRIMARY KEY constraint failures (<see cref="UniqueViolation"/>).</summary>
internal sealed class SqliteUniqueViolations : UniqueViolationInterceptor
{
    public static readonly SqliteUniqueViolations Instance = new();

    private const int Constraint = 19; // SQLITE_CONSTRAINT
    private const int ConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int ConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY

    protected override bool IsUniqueViolation(Exception cause) =>
        cause is SqliteException { SqliteErrorCode: Constraint, SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };
}
