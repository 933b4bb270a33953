using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Risk;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Risk;

/// <summary>The method in force: the newest yearly risk assessment's, or the default before there is one.</summary>
internal static class CurrentMethod
{
    public static async Task<RiskMethod> OfAsync(JikimiDb db, CancellationToken ct)
    {
        var newest = await db.Set<RiskAssessment>().AsNoTracking().OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        return newest?.Method ?? RiskMethod.Default;
    }
}

/// <summary>The organization's members by e-mail and id: owners are members, named by e-mail in files and requests.</summary>
internal sealed class OrgPeople
{
    private readonly Dictionary<string, Guid> _byEmail;
    private readonly Dictionary<Guid, (string Email, string Name)> _byId;

    private OrgPeople(List<(Guid Id, string Email, string Name)> members)
    {
        _byEmail = members.ToDictionary(m => m.Email, m => m.Id, StringComparer.OrdinalIgnoreCase);
        _byId = members.ToDictionary(m => m.Id, m => (m.Email, m.Name));
    }

    public static async Task<OrgPeople> LoadAsync(JikimiDb db, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName })
            .ToListAsync(ct);
        return new OrgPeople(rows.Select(r => (r.Id, r.Email ?? string.Empty, r.DisplayName)).ToList());
    }

    /// <summary>Empty = no owner; an e-mail or user id of a member; anything else is an unknown owner.</summary>
    public Result<Guid?> Resolve(string field, string? owner)
    {
        var o = owner?.Trim();
        if (string.IsNullOrEmpty(o))
        {
            return (Guid?)null;
        }

        if (_byEmail.TryGetValue(o, out var id) || (Guid.TryParse(o, out id) && _byId.ContainsKey(id)))
        {
            return (Guid?)id;
        }

        return new UnknownOwner(field, o);
    }

    public string? NameOf(Guid? id) => id is { } i && _byId.TryGetValue(i, out var p) ? p.Name : null;

    public string? EmailOf(Guid? id) => id is { } i && _byId.TryGetValue(i, out var p) ? p.Email : null;
}

public sealed record UnknownOwner(string Field, string Owner)
    : RuleError("owner.unknown", $"{Field} '{Owner}' is not a member of this organization.");
