namespace Jikimi.Catalog.Model;

/// <summary>Which certification a control belongs to.</summary>
public enum AppliesTo
{
    /// <summary>Required for ISMS and for ISMS-P (domains 1 and 2).</summary>
    Isms,

    /// <summary>Required for ISMS-P only (domain 3, personal information).</summary>
    IsmsP,
}

/// <summary>The certification a scope asks for; decides which controls are in.</summary>
public enum Certification
{
    Isms,
    IsmsP,
}

public static class AppliesToExtensions
{
    public static string ToWire(this AppliesTo a) => a == AppliesTo.Isms ? "isms" : "isms-p";

    public static bool TryParseAppliesTo(string? s, out AppliesTo value)
    {
        switch (s)
        {
            case "isms":
                value = AppliesTo.Isms;
                return true;
            case "isms-p":
                value = AppliesTo.IsmsP;
                return true;
            default:
                value = default;
                return false;
        }
    }

    public static bool TryParseCertification(string? s, out Certification value)
    {
        switch (s?.Trim().ToLowerInvariant())
        {
            case "isms":
                value = Certification.Isms;
                return true;
            case "isms-p" or "ismsp":
                value = Certification.IsmsP;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <summary>An ISMS scope takes the ISMS controls; an ISMS-P scope takes all.</summary>
    public static bool IsIn(this AppliesTo a, Certification scope) => scope == Certification.IsmsP || a == AppliesTo.Isms;
}
