namespace Jikimi.Domain.Organizations;

/// <summary>A member's role in one organization.</summary>
public enum Role
{
    /// <summary>Reads the workspace.</summary>
    Viewer = 0,

    /// <summary>Reads the workspace; writes findings (lifecycle issue); never changes results.</summary>
    Auditor = 1,

    /// <summary>Works on the controls assigned to them (results, statement, evidence, comments).</summary>
    ControlOwner = 2,

    /// <summary>Runs the workspace: scope, assessments, evidence, all controls.</summary>
    ComplianceManager = 3,

    /// <summary>Everything, plus members and API tokens.</summary>
    Administrator = 4,
}

/// <summary>What each role may do. One place, so the API, the UI and the CLI agree.</summary>
public static class Permissions
{
    public static bool CanRead(this Role role) => true;

    public static bool CanEditControls(this Role role) => role >= Role.ControlOwner;

    public static bool CanManageWorkspace(this Role role) => role >= Role.ComplianceManager;

    public static bool CanAdminister(this Role role) => role == Role.Administrator;

    /// <summary>
    /// Management's sign-off (1.2.3 acceptable risk level, 1.2.4 risk acceptance). There is no executive role: the
    /// administrator role stands for the executive who runs the ISMS (ADR 0015).
    /// </summary>
    public static bool CanApproveRisk(this Role role) => role == Role.Administrator;

    public static string ToWire(this Role role) => role switch
    {
        Role.Administrator => "administrator",
        Role.ComplianceManager => "compliance-manager",
        Role.ControlOwner => "control-owner",
        Role.Auditor => "auditor",
        _ => "viewer",
    };

    public static bool TryParse(string? text, out Role role)
    {
        foreach (var r in Enum.GetValues<Role>())
        {
            if (string.Equals(r.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(r.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                role = r;
                return true;
            }
        }

        role = Role.Viewer;
        return false;
    }
}
