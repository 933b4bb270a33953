using Jikimi.Domain.Common;

namespace Jikimi.Domain.Obligation;

/// <summary>
/// What an organization tells about itself. Every field is optional: an unknown fact counts as "no" / zero, so
/// the answer never claims an obligation or a relief that the input does not support.
/// </summary>
public sealed record ObligationInput
{
    /// <summary>The day the law is read as of (default: today).</summary>
    public DateOnly? AsOf { get; init; }
    public bool IsRegisteredIsp { get; init; }
    public bool ServesSeoulAndAllMetropolitanCities { get; init; }
    public bool IsMvno { get; init; }
    public bool IsIdcOperator { get; init; }
    public long? PreviousYearRevenueKrw { get; init; }
    public bool IsTertiaryHospital { get; init; }
    public bool IsUniversity { get; init; }
    public int? EnrolledStudents { get; init; }
    public long? IctServiceRevenueKrw { get; init; }
    public long? AverageDailyUsersPreviousYear { get; init; }
    public bool IsFinancialCompany { get; init; }
    public bool IsVirtualAssetProvider { get; init; }

    /// <summary>"small" (소기업), "medium" (중기업) or "large"; unknown = not eligible for simplified certification.</summary>
    public string? EnterpriseSize { get; init; }
    public bool OperatesMajorIctFacilities { get; init; }
    public bool UsesCertifiedHostingOrCloud { get; init; }
}

public sealed record ObligationGround(string Code, string Basis, string BasisEn);

/// <summary>The answer: each ground with its article, the deadline, the fine, and simplified certification.</summary>
public sealed record ObligationResult(
    DateOnly AsOf,
    string RuleSet,
    bool Obliged,
    IReadOnlyList<ObligationGround> Grounds,
    bool SimplifiedEligible,
    string? SimplifiedSet,
    string? SimplifiedBasis,
    IReadOnlyList<string> SimplifiedExclusions,
    long MaxFineKrw,
    string FineBasis,
    DateOnly? Deadline,
    string DeadlineBasis,
    IReadOnlyList<string> Notes)
{
    /// <summary>How the law read the daily-users measure on <see cref="AsOf"/> (Korean, English, source).</summary>
    public MeasureWording? DailyUsersMeasure { get; init; }
}

public sealed record NoRuleSet(DateOnly AsOf)
    : RuleError("obligation.no_rules", $"No obligation rules are known for {AsOf:yyyy-MM-dd} (the rules start 2013-02-18, when ISMS became mandatory).");

/// <summary>Reasons simplified certification does not apply (stable codes).</summary>
public static class SimplifiedExclusions
{
    public const string NotInForce = "NOT_IN_FORCE";
    public const string NotObliged = "NOT_OBLIGED";
    public const string Isp = "ISP";
    public const string Idc = "IDC";
    public const string HospitalOrUniversity = "HOSPITAL_OR_UNIVERSITY";
    public const string DailyUsers = "DAILY_USERS";
    public const string VirtualAssetProvider = "VIRTUAL_ASSET_PROVIDER";
    public const string FinancialCompany = "FINANCIAL_COMPANY";
    public const string LargeEnterprise = "LARGE_ENTERPRISE";
    public const string SizeUnknown = "SIZE_UNKNOWN";
    public const string OwnMajorIctFacilities = "OWN_MAJOR_ICT_FACILITIES";
}

/// <summary>The obligation test (정보통신망법 제47조②, 시행령 제49조, 제49조의2): pure, table-tested.</summary>
public static class ObligationCheck
{
    public static Result<ObligationResult> Evaluate(ObligationInput input, DateOnly today, ObligationRules? rules = null)
    {
        var asOf = input.AsOf ?? today;
        var set = (rules ?? ObligationRules.Embedded).For(asOf);
        if (set is null)
        {
            return new NoRuleSet(asOf);
        }

        var t = set.Thresholds;
        var revenue = input.PreviousYearRevenueKrw ?? 0;
        var ict = input.IctServiceRevenueKrw ?? 0;
        var users = input.AverageDailyUsersPreviousYear ?? 0;
        var notes = new List<string>();
        var codes = new List<string>();

        if (input.IsRegisteredIsp && input.ServesSeoulAndAllMetropolitanCities)
        {
            codes.Add(ObligationGrounds.Isp);
        }

        if (input.IsMvno)
        {
            if (set.MvnoIsIsp)
            {
                codes.Add(ObligationGrounds.Mvno);
            }
            else
            {
                notes.Add("MVNOs are obliged only from 2025-11-04 (시행령 제49조①2).");
            }
        }

        if (input.IsIdcOperator)
        {
            codes.Add(ObligationGrounds.Idc);
        }

        if ((input.IsTertiaryHospital || input.IsUniversity) && !set.HospitalsAndUniversities)
        {
            notes.Add("Hospitals and universities became a ground only on 2016-06-02 (시행령 제49조②1).");
        }

        if (set.HospitalsAndUniversities && input.IsTertiaryHospital && revenue >= t.RevenueKrw)
        {
            codes.Add(ObligationGrounds.Hospital);
        }

        if (set.HospitalsAndUniversities && input.IsUniversity && revenue >= t.RevenueKrw && (input.EnrolledStudents ?? 0) >= t.EnrolledStudents)
        {
            codes.Add(ObligationGrounds.University);
        }

        if (ict >= t.IctServiceRevenueKrw)
        {
            if (input.IsFinancialCompany && set.FinancialCompaniesExcluded)
            {
                notes.Add("Financial companies are excluded from the ICT-revenue ground (시행령 제49조②2).");
            }
            else
            {
                codes.Add(ObligationGrounds.IctRevenue);
            }
        }

        if (users >= t.AverageDailyUsers)
        {
            if (input.IsFinancialCompany && set.FinancialCompaniesExcluded)
            {
                notes.Add("Financial companies are excluded from the daily-users ground (시행령 제49조②3).");
            }
            else
            {
                codes.Add(ObligationGrounds.DailyUsers);
            }
        }

        var grounds = codes.Select(c => new ObligationGround(c, set.Grounds[c].BasisKo, set.Grounds[c].BasisEn)).ToList();
        var obliged = grounds.Count > 0;
        var (eligible, simplifiedSet, exclusions) = Simplified(input, set, obliged, ict, users);
        DateOnly? deadline = obliged ? new DateOnly(asOf.Year, set.Deadline.Month, set.Deadline.Day) : null;
        if (deadline is { } d && d < asOf)
        {
            notes.Add($"The deadline for those newly obliged by last year's figures ({d:yyyy-MM-dd}) has passed: without a certificate the fine applies, and it can recur yearly.");
        }
        return new ObligationResult(
            asOf,
            set.Id,
            obliged,
            grounds,
            eligible,
            simplifiedSet,
            eligible ? set.Simplified!.BasisKo : null,
            exclusions,
            set.MaxFineKrw,
            set.FineBasis,
            deadline,
            set.Deadline.Source,
            notes)
        {
            DailyUsersMeasure = set.DailyUsersMeasure,
        };
    }

    private static (bool Eligible, string? Set, IReadOnlyList<string> Exclusions) Simplified(ObligationInput input, ObligationRuleSet set, bool obliged, long ict, long users)
    {
        var ex = new List<string>();
        if (set.Simplified is null)
        {
            ex.Add(SimplifiedExclusions.NotInForce);
            return (false, null, ex);
        }

        if (!obliged)
        {
            ex.Add(SimplifiedExclusions.NotObliged);
        }

        if ((input.IsRegisteredIsp && input.ServesSeoulAndAllMetropolitanCities) || (input.IsMvno && set.MvnoIsIsp))
        {
            ex.Add(SimplifiedExclusions.Isp);
        }

        if (input.IsIdcOperator)
        {
            ex.Add(SimplifiedExclusions.Idc);
        }

        if (input.IsTertiaryHospital || input.IsUniversity)
        {
            ex.Add(SimplifiedExclusions.HospitalOrUniversity);
        }

        if (users >= set.Thresholds.AverageDailyUsers)
        {
            ex.Add(SimplifiedExclusions.DailyUsers);
        }

        if (input.IsVirtualAssetProvider)
        {
            ex.Add(SimplifiedExclusions.VirtualAssetProvider);
        }

        if (input.IsFinancialCompany)
        {
            ex.Add(SimplifiedExclusions.FinancialCompany);
        }

        string? which = null;
        switch (input.EnterpriseSize?.Trim().ToLowerInvariant())
        {
            case "small":
                which = "7-2";
                break;
            case "medium" when ict < set.Thresholds.SimplifiedIctServiceRevenueKrw:
                which = "7-2";
                break;
            case "medium" when !input.OperatesMajorIctFacilities && input.UsesCertifiedHostingOrCloud:
                which = "7-3";
                break;
            case "medium":
                ex.Add(SimplifiedExclusions.OwnMajorIctFacilities);
                break;
            case "large":
                ex.Add(SimplifiedExclusions.LargeEnterprise);
                break;
            default:
                ex.Add(SimplifiedExclusions.SizeUnknown);
                break;
        }

        return ex.Count == 0 ? (true, which, ex) : (false, null, ex);
    }
}
