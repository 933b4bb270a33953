using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jikimi.Application.Data;

/// <summary>
/// Marks a failed save that broke a unique index — another request created the same thing between a use case's
/// check and its save. Each persistence provider recognises its own error (a <see cref="UniqueViolationInterceptor"/>
/// added by its <c>Configure</c>) and tags the exception; <see cref="AuditTrail.AuditWriter"/> then answers 409, not
/// 500 (ADR 0020).
/// </summary>
public static class UniqueViolation
{
    public const string Key = "Jikimi.UniqueViolation";

    public static bool Is(DbUpdateException exception) => exception.Data[Key] is true;

    public static void Mark(DbUpdateException exception) => exception.Data[Key] = true;
}

/// <summary>Tags a failed save whose cause the provider recognises as a unique violation.</summary>
public abstract class UniqueViolationInterceptor : SaveChangesInterceptor
{
    /// <summary>True when the provider's exception says a unique (or primary-key) index refused the write.</summary>
    protected abstract bool IsUniqueViolation(Exception cause);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Tag(eventData.Exception);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Tag(eventData.Exception);
        return Task.CompletedTask;
    }

    private void Tag(Exception exception)
    {
        if (exception is DbUpdateException { InnerException: { } cause } update && IsUniqueViolation(cause))
        {
            UniqueViolation.Mark(update);
        }
    }
}
