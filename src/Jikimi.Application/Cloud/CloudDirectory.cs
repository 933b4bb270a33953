using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Cloud;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Cloud;

public sealed record ProviderInfo(string Key, string NameKo, string NameEn, IReadOnlyList<string> Regions, bool Shipped);

/// <summary>One certificate as an organization sees it: its own record, the instance-wide one, or the shipped facts (undated).</summary>
public sealed record CertificateView(
    Guid? Id, string ProviderKey, string Kind, string? Number, string? Issuer, string? ScopeServices, string? ScopeRegions,
    DateOnly? IssuedOn, DateOnly? ExpiresOn, int? ControlsCovered, Guid? EvidenceId, string Source, string Status, string? SourceNoteKo, string? SourceNoteEn);

/// <summary>
/// The providers (shipped + added by administrators) and the certificates an organization sees. The one place that
/// reads <see cref="ProviderCertificate"/> for display: instance-wide rows (no organization) and the caller's own rows, never another's
/// (JikimiDb's query filter enforces it; reminder planning alone reads across organizations, with IgnoreQueryFilters).
/// </summary>
public static class CloudDirectory
{
    public static async Task<IReadOnlyList<ProviderInfo>> ProvidersAsync(JikimiDb db, CancellationToken ct)
    {
        var shipped = CriteriaCatalog.Embedded.Providers.Select(p => new ProviderInfo(p.Key, p.Name.Ko, p.Name.En, p.Regions, true));
        var custom = (await db.CustomProviders.AsNoTracking().OrderBy(p => p.Key).ToListAsync(ct))
            .Select(p => new ProviderInfo(p.Key, p.NameKo, p.NameEn, p.Regions is null ? [] : p.Regions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), false));
        return [.. shipped, .. custom];
    }

    public static async Task<ProviderInfo?> FindAsync(JikimiDb db, string? key, CancellationToken ct)
    {
        var k = key?.Trim().ToLowerInvariant();
        return k is null ? null : (await ProvidersAsync(db, ct)).FirstOrDefault(p => p.Key == k);
    }

    /// <summary>
    /// The certificates in force for one organization (null: instance-wide only): per provider and kind, the
    /// organization's own records override the instance-wide ones; with neither, the shipped facts stand (undated).
    /// Two fences keep another organization's overrides out: the context's query filter (instance rows and the current
    /// tenant's only) and the explicit condition here, so asking for an organization other than the tenant yields
    /// instance rows only.
    /// </summary>
    public static async Task<IReadOnlyList<CertificateView>> CertificatesAsync(JikimiDb db, Guid? organizationId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.ProviderCertificates.AsNoTracking()
            .Where(c => c.OrganizationId == null || (organizationId != null && c.OrganizationId == organizationId))
            .ToListAsync(ct);
        var result = new List<CertificateView>();
        foreach (var group in rows.GroupBy(c => (c.ProviderKey, c.Kind)))
        {
            var own = group.Where(c => c.OrganizationId != null).ToList();
            var chosen = own.Count > 0 ? own : group.ToList();
            result.AddRange(chosen.OrderByDescending(c => c.ExpiresOn).Select(c => View(c, today)));
        }

        foreach (var p in CriteriaCatalog.Embedded.Providers)
        {
            foreach (var a in p.Attestations.Where(a => !rows.Any(r => r.ProviderKey == p.Key && r.Kind == a.Kind)))
            {
                var status = a.IssuedOn is { } from && a.ExpiresOn is { } to ? (today < from ? "not-yet-valid" : today > to ? "expired" : "valid") : "undated";
                result.Add(new CertificateView(null, p.Key, a.Kind, a.Number, null, a.ScopeServices, a.ScopeRegions, a.IssuedOn, a.ExpiresOn, a.ControlsCovered, null, "shipped", status, a.Source.Ko, a.Source.En));
            }
        }

        return result.OrderBy(c => c.ProviderKey, StringComparer.Ordinal).ThenBy(c => c.Kind, StringComparer.Ordinal).ToList();
    }

    public static CertificateView View(ProviderCertificate c, DateOnly today) =>
        new(c.Id, c.ProviderKey, c.Kind, c.Number, c.Issuer, c.ScopeServices, c.ScopeRegions, c.IssuedOn, c.ExpiresOn, c.ControlsCovered, c.EvidenceId,
            c.OrganizationId is null ? "instance" : "organization", c.StatusOn(today), null, null);

    /// <summary>Which certificate kinds let a control be inherited: ISMS covers domains 1 and 2, ISMS-P all three.</summary>
    public static bool Covers(string kind, Control control) => kind switch
    {
        "isms-p" => true,
        "isms" => control.AppliesTo == AppliesTo.Isms,
        _ => false,
    };
}
