namespace Jikimi.Domain.Audits;

/// <summary>
/// The deadlines of the certification cycle, as numbers the domain is given (the application binds them from
/// configuration, section <c>Certification</c>). Each cites the joint notice 「정보보호 및 개인정보보호 관리체계 인증 등에
/// 관한 고시」 (2024-07-24) by article; the article numbers and values come from secondary sources [S] (shared ISMS-P
/// facts §9), the Act's own rules are verified [V]:
/// <list type="bullet">
/// <item><see cref="CorrectionDays"/> 40 and <see cref="RecorrectionDays"/> 60 — 고시 제25조④ [S].</item>
/// <item><see cref="FurtherCorrectionDays"/> 30 — the committee may ask for further correction, 고시 제25조⑤ [S].</item>
/// <item><see cref="MinimumOperatingMonths"/> 2 — operating records before applying, 고시 제17조①, 제23조 [S].</item>
/// <item><see cref="ValidityYears"/> 3 — 정보통신망법 제47조⑤ [V]; 고시 제32–34조 [S].</item>
/// <item><see cref="SurveillanceIntervalMonths"/> 12 — at least yearly, 정보통신망법 제47조⑧ [V]; 고시 제27조 [S].</item>
/// <item><see cref="RenewalLeadMonths"/> 3 — the renewal is <em>applied for</em> 3 months before expiry, 고시 제28조 [S];
/// the renewal audit itself must be done before the certificate expires.</item>
/// <item><see cref="AppealDays"/> 15 — an objection to the result, 고시 제36조 [S].</item>
/// </list>
/// </summary>
public sealed record CertificationPolicy(
    int CorrectionDays = 40,
    int RecorrectionDays = 60,
    int MinimumOperatingMonths = 2,
    int ValidityYears = 3,
    int SurveillanceIntervalMonths = 12,
    int RenewalLeadMonths = 3,
    int FurtherCorrectionDays = 30,
    int AppealDays = 15)
{
    public static readonly CertificationPolicy Default = new();

    /// <summary>When further correction the committee asked for on <paramref name="requestedOn"/> must be done (고시 제25조⑤).</summary>
    public DateOnly FurtherCorrectionDue(DateOnly requestedOn) => requestedOn.AddDays(FurtherCorrectionDays);

    /// <summary>The last day to object to a decision notified on <paramref name="notifiedOn"/> (고시 제36조).</summary>
    public DateOnly AppealBy(DateOnly notifiedOn) => notifiedOn.AddDays(AppealDays);
}
