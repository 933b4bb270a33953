using System.Reflection;
using Xunit.Sdk;

namespace Jikimi.TestSupport.Data;

/// <summary>
/// The PostgreSQL row of a provider theory (beside <c>[InlineData(TestDatabase.Sqlite)]</c>). Without PG_CONN a plain
/// <c>dotnet test</c> reports it as skipped with the reason, instead of failing; scripts/test.sh sets
/// JIKIMI_REQUIRE_POSTGRES=1, and then a missing PG_CONN runs the row, which fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PostgresDataAttribute : DataAttribute
{
    private readonly object[] _rest;

    /// <param name="rest">Further arguments of the row, after the provider.</param>
    public PostgresDataAttribute(params object[] rest)
    {
        _rest = rest;
        Skip = SkipReason();
    }

    /// <summary>Null when PostgreSQL tests must run; otherwise why they are skipped.</summary>
    public static string? SkipReason() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("PG_CONN")) && Environment.GetEnvironmentVariable("JIKIMI_REQUIRE_POSTGRES") != "1"
            ? "PostgreSQL case skipped: PG_CONN is not set (scripts/test.sh starts PostgreSQL and runs it)."
            : null;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestDatabase.Postgres, .. _rest]];
}

/// <summary>A fact that needs PostgreSQL: skipped with the reason when PG_CONN is unset (unless JIKIMI_REQUIRE_POSTGRES=1).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresDataAttribute.SkipReason();
}
