using Jikimi.Domain.Risk;

namespace Jikimi.Application.Risk;

public sealed record RiskMethodView(string Importance, int CiaScale, IReadOnlyList<int> GradeThresholds, int ThreatScale, int VulnerabilityScale, int Grades, int MaxScore)
{
    public static RiskMethodView Of(RiskMethod m) => new(m.ImportanceWire, m.CiaScale, m.GradeThresholds, m.ThreatScale, m.VulnerabilityScale, m.Grades, m.MaxScore);
}

public sealed record RiskAssessmentView(
    Guid Id, int Year, RiskMethodView Method, int? AcceptableLevel, bool DoaApproved, string? DoaApprovedBy, DateTime? DoaApprovedAt,
    int Risks, int AboveDoa, int Version, DateTime CreatedAt)
{
    public static RiskAssessmentView Of(RiskAssessment r, int risks, int aboveDoa) =>
        new(r.Id, r.Year, RiskMethodView.Of(r.Method), r.AcceptableLevel, r.DoaApproved, r.DoaApprovedByName, r.DoaApprovedAt, risks, aboveDoa, r.Version, r.CreatedAt);
}

public sealed record ThreatView(Guid Id, string Code, string Category, string NameKo, string NameEn, bool FromCatalog)
{
    public static ThreatView Of(Threat t) => new(t.Id, t.Code, t.Category, t.NameKo, t.NameEn, t.FromCatalog);
}

public sealed record RiskView(
    Guid Id, Guid RiskAssessmentId, Guid AssetId, string AssetCode, string AssetName, Guid ThreatId, string ThreatCode, string ThreatNameKo, string ThreatNameEn,
    string Vulnerability, string? CheckItemId, string? ControlId, int AssetValue, int ThreatLevel, int VulnerabilityLevel, int Score, int Likelihood,
    bool AboveDoa, string Strategy, string? Plan, Guid? OwnerUserId, string? OwnerName, DateOnly? DueDate, IReadOnlyList<string> LinkedControls,
    int? ResidualScore, string Status, string? AcceptedBy, DateTime? AcceptedAt, int Version);

public sealed record RiskPage(IReadOnlyList<RiskView> Items, int Total, int Page, int PageSize, int? AcceptableLevel);
