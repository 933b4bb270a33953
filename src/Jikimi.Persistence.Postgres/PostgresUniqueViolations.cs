using Jikimi.Application.Data;
using Npgsql;

namespace Jikimi.Persistence.Postgres;

/// <summary>PostgreSQL's unique violations, SQLSTATE 23505 (<see cref="UniqueViolation"/>).</summary>
internal sealed class PostgresUniqueViolations : UniqueViolationInterceptor
{
    public static readonly PostgresUniqueViolations Instance = new();

    protected override bool IsUniqueViolation(Exception cause) => cause is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
