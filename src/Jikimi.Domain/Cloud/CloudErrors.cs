using Jikimi.Domain.Common;

namespace Jikimi.Domain.Cloud;

public sealed record UnknownProvider(string Key)
    : RuleError("cloud.provider_unknown", $"Cloud provider '{Key}' is not known to this instance (shipped providers or those an administrator added).");

public sealed record ValidityReversed(DateOnly IssuedOn, DateOnly ExpiresOn)
    : RuleError("cloud.validity_reversed", $"The certificate expires ({ExpiresOn:yyyy-MM-dd}) before it is issued ({IssuedOn:yyyy-MM-dd}).");

public sealed record ValidityOverlaps(string Provider, string Kind, string? OtherNumber, DateOnly OtherIssuedOn, DateOnly OtherExpiresOn)
    : ConflictError("cloud.validity_overlap", $"{Provider} already has a {Kind} certificate {OtherNumber ?? "(no number)"} valid {OtherIssuedOn:yyyy-MM-dd} to {OtherExpiresOn:yyyy-MM-dd}; validity periods of one kind may not overlap.");

public sealed record ProviderExists(string Key)
    : ConflictError("cloud.provider_exists", $"A cloud provider with key '{Key}' exists already.");
