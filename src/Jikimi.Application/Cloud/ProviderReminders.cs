using Jikimi.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Cloud;

public sealed record ProviderReminderDue(Guid OrganizationId, Guid Subject, DateOnly ExpiresOn, string Title, string Body);

/// <summary>
/// Which organizations must hear that a provider certificate they inherit controls from ends soon: every
/// organization declaring the provider, for each ISMS / ISMS-P certificate in force for it (its own or the
/// instance-wide one) that ends within the lead time. Planned by <see cref="Reminders.PlanReminders"/>.
/// </summary>
public static class ProviderReminders
{
    public static async Task<IReadOnlyList<ProviderReminderDue>> DueAsync(JikimiDb db, DateOnly today, int leadDays, CancellationToken ct)
    {
        var limit = today.AddDays(leadDays);
        var expiring = await db.ProviderCertificates.IgnoreQueryFilters().AsNoTracking()
            .Where(c => (c.Kind == "isms" || c.Kind == "isms-p") && c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= limit)
            .ToListAsync(ct);
        if (expiring.Count == 0)
        {
            return [];
        }

        var keys = expiring.Select(c => c.ProviderKey).Distinct().ToList();
        var usages = await db.CloudUsages.IgnoreQueryFilters().AsNoTracking().Where(u => keys.Contains(u.ProviderKey))
            .Select(u => new { u.OrganizationId, u.ProviderKey }).Distinct().ToListAsync(ct);
        var result = new List<ProviderReminderDue>();
        foreach (var u in usages)
        {
            var forProvider = expiring.Where(c => c.ProviderKey == u.ProviderKey).ToList();
            foreach (var c in forProvider.Where(c => c.OrganizationId == u.OrganizationId
                         || (c.OrganizationId == null && !forProvider.Any(o => o.OrganizationId == u.OrganizationId && o.Kind == c.Kind))))
            {
                var number = c.Number ?? "-";
                result.Add(new ProviderReminderDue(u.OrganizationId, SubjectFor(c.Id, u.OrganizationId), c.ExpiresOn!.Value,
                    $"[지킴이] {c.ProviderKey} {c.Kind.ToUpperInvariant()} 인증 {number} 만료 {c.ExpiresOn:yyyy-MM-dd} / Provider certificate {number} expires {c.ExpiresOn:yyyy-MM-dd}",
                    $"{c.ProviderKey}의 {c.Kind.ToUpperInvariant()} 인증({number})이 {c.ExpiresOn:yyyy-MM-dd}에 끝납니다. 갱신된 인증서를 등록하지 않으면 상속한 통제가 '증적 필요'로 바뀝니다. / "
                    + $"{c.ProviderKey}'s {c.Kind.ToUpperInvariant()} certificate ({number}) ends on {c.ExpiresOn:yyyy-MM-dd}; record the renewed certificate or the inherited controls will need evidence."));
            }
        }

        return result;
    }

    /// <summary>
    /// One subject per (certificate, organization): an instance-wide certificate reminds many organizations, and the
    /// reminders' unique key (kind, subject, due, channel) must keep them apart.
    /// </summary>
    public static Guid SubjectFor(Guid certificateId, Guid organizationId)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        certificateId.TryWriteBytes(a);
        organizationId.TryWriteBytes(b);
        for (var i = 0; i < 16; i++)
        {
            a[i] ^= (byte)(b[(i + 5) % 16] + i);
        }

        return new Guid(a);
    }
}
