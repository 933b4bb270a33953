using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Cloud;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Cloud;

/// <summary>One provider's side of a control: its responsibility under the model used and the certificate that vouches for it.</summary>
public sealed record ProviderSide(
    string Provider, string ServiceModel, string Responsibility, Guid? CertificateId, string? Kind, string? Number,
    DateOnly? IssuedOn, DateOnly? ExpiresOn, string CertificateStatus, Guid? EvidenceId);

public sealed record CheckItemInheritance(string Id, string Inheritance);

/// <param name="Inheritance">inherited (the provider performs it), shared (both sides) or own.</param>
/// <param name="State">covered (every provider side has a valid certificate), needs-evidence (one lapsed or missing) or own.</param>
public sealed record ControlInheritance(
    string ControlId, string TitleKo, string TitleEn, string Inheritance, string State, string RationaleKo, string RationaleEn,
    IReadOnlyList<ProviderSide> Providers, IReadOnlyList<CheckItemInheritance> CheckItems);

public sealed record InheritanceSummary(int Inherited, int Shared, int Own, int NeedsEvidence);

public sealed record InheritanceView(
    string Certification, string Edition, InheritanceSummary Summary, IReadOnlyList<CloudUsageView> Usages,
    IReadOnlyList<CertificateView> Certificates, IReadOnlyList<ControlInheritance> Controls);

/// <summary>
/// Works out, for the organization's scope, which controls are inherited from its cloud providers, shared or its
/// own, from the catalog's default split per service model (ADR 0046). With several providers or models the
/// strictest wins: inherited only if every one performs it, own only if none does.
/// </summary>
public static class Inheritance
{
    public static async Task<InheritanceView> ComputeAsync(JikimiDb db, Guid organizationId, DateOnly today, CancellationToken ct)
    {
        var scope = await db.Scopes.AsNoTracking().FirstAsync(s => s.OrganizationId == organizationId, ct);
        var usages = await db.CloudUsages.AsNoTracking().Where(u => u.OrganizationId == organizationId).ToListAsync(ct);
        var certificates = await CloudDirectory.CertificatesAsync(db, organizationId, today, ct);
        return Compute(scope.Certification, scope.Edition, usages, certificates);
    }

    public static InheritanceView Compute(Certification certification, string editionId, IReadOnlyList<CloudUsage> usages, IReadOnlyList<CertificateView> certificates)
    {
        var catalog = CriteriaCatalog.Embedded;
        var edition = EditionId.TryParse(editionId, out var id) && catalog.Editions.TryGetValue(id, out var e) ? e : catalog[EditionId.IsmsP2023];
        var matrix = catalog.ResponsibilityFor(edition.Id);
        var controls = new List<ControlInheritance>();
        foreach (var c in edition.InScope(certification))
        {
            var split = matrix?.Find(c.Id);
            var sides = split is null ? [] : usages.Select(u => (Usage: u, Party: split.Split.For(u.ServiceModel))).ToList();
            var inheritance = Combine(sides.Select(s => s.Party).ToList());
            var providers = sides.Where(s => s.Party != Responsibility.Customer)
                .Select(s => Side(s.Usage, s.Party, c, certificates))
                .ToList();
            var state = inheritance == "own" ? "own" : providers.All(p => p.CertificateStatus == "valid") ? "covered" : "needs-evidence";
            var items = c.CheckItems.Select(i => new CheckItemInheritance(
                i.Id,
                split is null ? "own" : Combine(usages.Select(u => split.ForCheckItem(i.Id).For(u.ServiceModel)).ToList()))).ToList();
            controls.Add(new ControlInheritance(c.Id, c.Title.Ko, c.Title.En, inheritance, state,
                split?.Split.Rationale.Ko ?? string.Empty, split?.Split.Rationale.En ?? string.Empty, providers, items));
        }

        var summary = new InheritanceSummary(
            controls.Count(x => x.Inheritance == "inherited"),
            controls.Count(x => x.Inheritance == "shared"),
            controls.Count(x => x.Inheritance == "own"),
            controls.Count(x => x.State == "needs-evidence"));
        return new InheritanceView(certification == Certification.Isms ? "isms" : "isms-p", edition.Id.Value, summary, DeclareCloudUsage.Views(usages), certificates, controls);
    }

    private static string Combine(IReadOnlyList<Responsibility> parties) =>
        parties.Count == 0 || parties.All(p => p == Responsibility.Customer) ? "own"
        : parties.All(p => p == Responsibility.Provider) ? "inherited"
        : "shared";

    /// <summary>The provider's best certificate for this control: a valid one, else the latest that would cover it.</summary>
    private static ProviderSide Side(CloudUsage usage, Responsibility party, Control control, IReadOnlyList<CertificateView> certificates)
    {
        var candidates = certificates.Where(x => x.ProviderKey == usage.ProviderKey && CloudDirectory.Covers(x.Kind, control)).ToList();
        var best = candidates.FirstOrDefault(x => x.Status == "valid")
            ?? candidates.OrderByDescending(x => x.ExpiresOn ?? DateOnly.MinValue).FirstOrDefault();
        return new ProviderSide(
            usage.ProviderKey, usage.ServiceModel.ToString().ToLowerInvariant(), party.ToString().ToLowerInvariant(),
            best?.Id, best?.Kind, best?.Number, best?.IssuedOn, best?.ExpiresOn, best?.Status ?? "missing", best?.EvidenceId);
    }
}
