using Jikimi.Domain.Common;

namespace Jikimi.Domain.Risk;

public sealed record AssetCodeTaken(string Code) : ConflictError("asset.exists", $"An asset with id '{Code}' already exists.");

public sealed record RiskAssessmentExists(int Year) : ConflictError("risk_assessment.exists", $"A risk assessment for {Year} already exists.");

public sealed record AcceptableLevelNotSet() : RuleError("risk.doa_not_set", "Set the acceptable risk level (DoA) before it is approved.");

public sealed record AcceptableLevelOutOfRange(int Max) : RuleError("risk.doa_out_of_range", $"The acceptable level must be between 1 and {Max}.");

public sealed record NothingToAccept() : RuleError("risk.nothing_to_accept", "Only a risk treated by acceptance, or one with a residual risk, can be accepted.");

public sealed record RiskAlreadyAccepted() : ConflictError("risk.already_accepted", "This risk was already accepted; change its treatment to re-open it.");

public sealed record ResidualAboveRisk() : RuleError("risk.residual_above_risk", "The residual risk cannot be higher than the risk itself.");

public sealed record ThreatCodeTaken(string Code) : ConflictError("threat.exists", $"A threat with id '{Code}' already exists.");

public sealed record ImportRejected(IReadOnlyList<ImportRowError> Errors)
    : RuleError("import.rejected", $"Nothing was imported: {Errors.Count} problem(s) in the file.");

/// <summary>One problem in an imported file: the 1-based data row (0 = the header), the column and what is wrong.</summary>
public sealed record ImportRowError(int Row, string? Column, string Code, string Message);
