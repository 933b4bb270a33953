namespace Jikimi.Catalog.Model;

/// <summary>
/// A certificate a provider is publicly known to hold, with only the facts that are public: unknown numbers and
/// dates stay null for the user to enter from the certificate itself.
/// </summary>
public sealed record ShippedAttestation(string Kind, string? Number, string? ScopeServices, string? ScopeRegions, int? ControlsCovered, DateOnly? IssuedOn, DateOnly? ExpiresOn, LocalizedText Source);

/// <summary>A well-known cloud provider shipped with Jikimi (instance-wide; more can be added by an administrator).</summary>
public sealed record ShippedProvider(string Key, LocalizedText Name, IReadOnlyList<string> Regions, IReadOnlyList<ShippedAttestation> Attestations);
