using System.Globalization;
using Jikimi.Application.Cloud;
using Jikimi.Catalog.Model;

namespace Jikimi.Reports.Common;

/// <summary>
/// How a control's cloud inheritance reads in the readiness report and the operation statement (ADR 0062): the
/// split, and for every provider side the certificate relied on (provider, kind, number, validity, state).
/// </summary>
public static class InheritanceText
{
    /// <summary>Each statement line about inheritance starts with one of these, so an import can drop it again.</summary>
    public const string MarkerKo = "[클라우드 상속]";
    public const string MarkerEn = "[Cloud inheritance]";

    public static string Split(string inheritance, Language l) => (inheritance, l) switch
    {
        ("inherited", Language.Ko) => "상속",
        ("shared", Language.Ko) => "공유",
        (_, Language.Ko) => "자체",
        ("inherited", _) => "inherited",
        ("shared", _) => "shared",
        _ => "own",
    };

    public static string State(string state, Language l) => (state, l) switch
    {
        ("covered", Language.Ko) => "인증서로 충족",
        ("needs-evidence", Language.Ko) => "증적 필요",
        (_, Language.Ko) => "자체 운영",
        ("covered", _) => "covered by certificate",
        ("needs-evidence", _) => "needs evidence",
        _ => "own",
    };

    public static string CertificateStatus(string status, Language l) => (status, l) switch
    {
        ("valid", Language.Ko) => "유효",
        ("expired", Language.Ko) => "만료",
        ("not-yet-valid", Language.Ko) => "효력 전",
        ("undated", Language.Ko) => "유효기간 미등록",
        (_, Language.Ko) => "인증서 없음",
        ("missing", _) => "no certificate",
        ("undated", _) => "validity not recorded",
        _ => status,
    };

    /// <summary>"Microsoft Azure · ISMS ISMS-2024-017 · 2024-01-29 ~ 2027-01-28 (valid)".</summary>
    public static string Citation(ProviderSide side, IReadOnlyList<ProviderInfo> providers, Language l)
    {
        var p = providers.FirstOrDefault(x => x.Key == side.Provider);
        var name = p is null ? side.Provider : l == Language.Ko ? p.NameKo : p.NameEn;
        if (side.Kind is null)
        {
            return $"{name} · {CertificateStatus("missing", l)}";
        }

        var number = side.Number ?? (l == Language.Ko ? "번호 미등록" : "number not recorded");
        var validity = side.IssuedOn is { } from && side.ExpiresOn is { } to
            ? $" · {from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ~ {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : string.Empty;
        return $"{name} · {side.Kind.ToUpperInvariant()} {number}{validity} ({CertificateStatus(side.CertificateStatus, l)})";
    }

    /// <summary>The 운영현황 line for an inherited or shared control; null for the organization's own.</summary>
    public static string? StatementLine(ControlInheritance c, IReadOnlyList<ProviderInfo> providers, Language l)
    {
        if (c.Inheritance == "own")
        {
            return null;
        }

        var marker = l == Language.Ko ? MarkerKo : MarkerEn;
        var citations = string.Join("; ", c.Providers.Select(s => Citation(s, providers, l)));
        return $"{marker} {Split(c.Inheritance, l)}, {State(c.State, l)} — {citations}";
    }

    /// <summary>The text without the inheritance lines an export added (null when nothing else is left).</summary>
    public static string? WithoutStatementLines(string? text)
    {
        if (text is null || (!text.Contains(MarkerKo, StringComparison.Ordinal) && !text.Contains(MarkerEn, StringComparison.Ordinal)))
        {
            return text;
        }

        var kept = text.Split('\n').Where(x => !x.TrimStart().StartsWith(MarkerKo, StringComparison.Ordinal) && !x.TrimStart().StartsWith(MarkerEn, StringComparison.Ordinal));
        var rest = string.Join('\n', kept).Trim();
        return rest.Length == 0 ? null : rest;
    }
}
