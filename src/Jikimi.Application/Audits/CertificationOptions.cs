using System.ComponentModel.DataAnnotations;
using Jikimi.Domain.Audits;

namespace Jikimi.Application.Audits;

/// <summary>
/// Deadlines of the certification cycle (section "Certification"), validated at start. Sources (shared ISMS-P facts
/// §3): corrective action 40 days from the notice plus up to 60 days of re-correction — peterjc.tistory.com, the
/// notice itself not read [S]; at least 2 months of operating evidence before applying — peterjc.tistory.com, KISA
/// guide [S]; certificate valid 3 years, surveillance at least yearly — 정보통신망법 제47조⑤⑧ [V]; renewal planned
/// 3 months before expiry — commonly cited, not verified [M]. Change them only when the notice changes.
/// </summary>
public sealed class CertificationOptions
{
    public const string Section = "Certification";

    [Range(1, 365)]
    public int CorrectionDays { get; set; } = 40;

    [Range(0, 365)]
    public int RecorrectionDays { get; set; } = 60;

    [Range(0, 24)]
    public int MinimumOperatingMonths { get; set; } = 2;

    [Range(1, 10)]
    public int ValidityYears { get; set; } = 3;

    [Range(1, 12)]
    public int SurveillanceIntervalMonths { get; set; } = 12;

    [Range(0, 12)]
    public int RenewalLeadMonths { get; set; } = 3;

    public CertificationPolicy Policy => new(CorrectionDays, RecorrectionDays, MinimumOperatingMonths, ValidityYears, SurveillanceIntervalMonths, RenewalLeadMonths);
}
