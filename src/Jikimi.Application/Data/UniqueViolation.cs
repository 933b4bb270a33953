using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Data;

/// <summary>
/// Marks a failed save that broke a unique index — another request created the same thing between a use case's
/// check and its save. Each persistence provider recognises its own error (an EF interceptor registered by its
/// <c>Configure</c>) and tags the exception; <see cref="AuditTrail.AuditWriter"/> then answers 409, not 500.
/// </summary>
public static class UniqueViolation
{
    public const string Key = "Jikimi.UniqueViolation";

    public static bool Is(DbUpdateException exception) => exception.Data[Key] is true;

    public static void Mark(DbUpdateException exception) => exception.Data[Key] = true;
}
