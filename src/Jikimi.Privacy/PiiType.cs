namespace Jikimi.Privacy;

/// <summary>The kinds of personal information the scanner finds. Wire names are stable (docs/pii.md).</summary>
public enum PiiType
{
    /// <summary>주민등록번호 (resident registration number).</summary>
    KrRrn,

    /// <summary>외국인등록번호 (foreign registration number).</summary>
    KrFrn,

    /// <summary>여권번호 (passport number, old and new format).</summary>
    KrPassport,

    /// <summary>운전면허번호 (driver's licence number).</summary>
    KrDriverLicense,

    /// <summary>사업자등록번호 (business registration number).</summary>
    KrBrn,

    /// <summary>Payment card number (Luhn, known prefixes).</summary>
    Card,

    /// <summary>Bank account number (reported only with a context word).</summary>
    BankAccount,

    /// <summary>Mobile or landline telephone number.</summary>
    Phone,

    /// <summary>E-mail address.</summary>
    Email,

    /// <summary>법인등록번호 (corporate registration number): a company's, not a person's; its own check digit.</summary>
    KrCrn,
}

/// <summary>How sure a detector is. Ordered: Low &lt; Medium &lt; High.</summary>
public enum Confidence
{
    Low = 1,
    Medium = 2,
    High = 3,
}

public static class PiiTypeNames
{
    public static readonly IReadOnlyList<PiiType> All = Enum.GetValues<PiiType>();

    public static string WireName(this PiiType type) => type switch
    {
        PiiType.KrRrn => "KR_RRN",
        PiiType.KrFrn => "KR_FRN",
        PiiType.KrPassport => "KR_PASSPORT",
        PiiType.KrDriverLicense => "KR_DRIVER_LICENSE",
        PiiType.KrBrn => "KR_BRN",
        PiiType.Card => "CARD",
        PiiType.BankAccount => "BANK_ACCOUNT",
        PiiType.Phone => "PHONE",
        PiiType.Email => "EMAIL",
        PiiType.KrCrn => "KR_CRN",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string KoreanName(this PiiType type) => type switch
    {
        PiiType.KrRrn => "주민등록번호",
        PiiType.KrFrn => "외국인등록번호",
        PiiType.KrPassport => "여권번호",
        PiiType.KrDriverLicense => "운전면허번호",
        PiiType.KrBrn => "사업자등록번호",
        PiiType.Card => "카드번호",
        PiiType.BankAccount => "계좌번호",
        PiiType.Phone => "전화번호",
        PiiType.Email => "이메일",
        PiiType.KrCrn => "법인등록번호",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? text, out PiiType type)
    {
        foreach (var t in All)
        {
            if (string.Equals(t.WireName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static string WireName(this Confidence c) => c switch
    {
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static bool TryParseConfidence(string? text, out Confidence c)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "low": c = Confidence.Low; return true;
            case "medium": c = Confidence.Medium; return true;
            case "high": c = Confidence.High; return true;
            default: c = default; return false;
        }
    }
}
