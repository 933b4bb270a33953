namespace Jikimi.Domain.Audits;

/// <summary>
/// The deadlines of the certification cycle, as numbers the domain is given (the application binds them from
/// configuration). Defaults and sources: shared ISMS-P facts §3 — 40 + 60 days of correction [S], 2 months of
/// operation before applying [S], 3-year validity and yearly surveillance (정보통신망법 제47조⑤⑧) [V], renewal
/// application 3 months before expiry [M].
/// </summary>
public sealed record CertificationPolicy(
    int CorrectionDays = 40,
    int RecorrectionDays = 60,
    int MinimumOperatingMonths = 2,
    int ValidityYears = 3,
    int SurveillanceIntervalMonths = 12,
    int RenewalLeadMonths = 3)
{
    public static readonly CertificationPolicy Default = new();
}
