using System.ComponentModel.DataAnnotations;
using Jikimi.Domain.Audits;

namespace Jikimi.Application.Audits;

/// <summary>
/// Deadlines of the certification cycle (section "Certification"), validated at start. Every value cites the joint
/// notice's article (see <see cref="CertificationPolicy"/>; article numbers from secondary sources [S], the Act's 3-year
/// validity and yearly surveillance verified [V]). Change them only when the notice changes.
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

    /// <summary>Months before expiry by which the renewal must be applied for (고시 제28조 [S]).</summary>
    [Range(0, 12)]
    public int RenewalLeadMonths { get; set; } = 3;

    /// <summary>Days for further correction the certification committee asks for (고시 제25조⑤ [S]).</summary>
    [Range(1, 365)]
    public int FurtherCorrectionDays { get; set; } = 30;

    /// <summary>Days to object to a certification result (고시 제36조 [S]).</summary>
    [Range(1, 365)]
    public int AppealDays { get; set; } = 15;

    public CertificationPolicy Policy => new(CorrectionDays, RecorrectionDays, MinimumOperatingMonths, ValidityYears, SurveillanceIntervalMonths, RenewalLeadMonths, FurtherCorrectionDays, AppealDays);
}
