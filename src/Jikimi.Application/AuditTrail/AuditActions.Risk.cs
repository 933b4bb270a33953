namespace Jikimi.Application.AuditTrail;

/// <summary>Stable audit codes of risk management (1.2.1–1.2.4). Add new ones; never rename.</summary>
public static partial class AuditActions
{
    public const string AssetCreated = "asset.created";
    public const string AssetUpdated = "asset.updated";
    public const string AssetDeleted = "asset.deleted";
    public const string AssetsImported = "assets.imported";
    public const string ThreatAdded = "threat.added";
    public const string ThreatUpdated = "threat.updated";
    public const string ThreatCatalogCopied = "threat.catalog_copied";
    public const string RiskAssessmentCreated = "risk_assessment.created";
    public const string AcceptableLevelSet = "risk_assessment.doa_set";
    public const string AcceptableLevelApproved = "risk_assessment.doa_approved";
    public const string RiskAdded = "risk.added";
    public const string RiskTreatmentPlanned = "risk.treatment_planned";
    public const string RiskAccepted = "risk.accepted";
    public const string RiskRemoved = "risk.removed";
    public const string FlowAdded = "pi_flow.added";
    public const string FlowUpdated = "pi_flow.updated";
    public const string FlowRemoved = "pi_flow.removed";
}
