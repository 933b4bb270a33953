using Jikimi.Application.Assessments;
using Jikimi.Application.Assets;
using Jikimi.Application.Risk;
using Jikimi.Application.Risk.Pictures;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>The yearly risk assessment (1.2.2–1.2.3): the same use cases as /api/v1/orgs/{orgId}/risk/….</summary>
public sealed class RisksModel(
    ListRiskAssessments assessments, CreateRiskAssessment create, SetAcceptableLevel setDoa, ApproveAcceptableLevel approve,
    ListThreats threats, AddThreat addThreat, UpdateThreat updateThreat, ListRisks risks, AddRisk addRisk, RemoveRisk removeRisk,
    ListAssets assets, ListAssessments controlAssessments, ListVulnerabilityCandidates candidates, GetHeatMap heatMap, GetRisksByDomain byDomain) : OrgPage
{
    public IReadOnlyList<RiskAssessmentView> Assessments { get; private set; } = [];

    public RiskAssessmentView? Current { get; private set; }

    public IReadOnlyList<ThreatView> Threats { get; private set; } = [];

    public ThreatView? EditingThreat { get; private set; }

    public RiskPage? Risks { get; private set; }

    public IReadOnlyList<AssetView> Assets { get; private set; } = [];

    public AssessmentView? ControlAssessment { get; private set; }

    public IReadOnlyList<VulnerabilityCandidate> Candidates { get; private set; } = [];

    public IHtmlContent? HeatMap { get; private set; }

    public IHtmlContent? ByDomain { get; private set; }

    public bool CanEdit => Role.CanManageWorkspace();

    public bool CanApprove => Role.CanApproveRisk();

    public async Task<IActionResult> OnGetAsync(Guid? ra, Guid? editThreat, CancellationToken ct)
    {
        await Load(ra, ct);
        EditingThreat = Threats.FirstOrDefault(t => t.Id == editThreat);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(int year, string? importance, int? ciaScale, CancellationToken ct)
    {
        var r = await create.Handle(Access, new CreateRiskAssessmentRequest(year, Empty(importance), ciaScale), ct);
        return r.Error is { } e ? Failed(e) : Done(L($"{year}년 위험평가를 시작했습니다.", $"Risk assessment {year} started."), RaUrl(r.Value!.Id));
    }

    public async Task<IActionResult> OnPostDoaAsync(Guid ra, int level, int version, CancellationToken ct)
    {
        var r = await setDoa.Handle(Access, ra, new SetAcceptableLevelRequest(level, version), ct);
        return r.Error is { } e ? Failed(e, RaUrl(ra)) : Done(L("수용 가능 위험 수준(DoA)을 저장했습니다. 경영진 승인이 필요합니다.", "Acceptable level saved; it needs management approval."), RaUrl(ra));
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid ra, CancellationToken ct)
    {
        var r = await approve.Handle(Access, ra, ct);
        return r.Error is { } e ? Failed(e, RaUrl(ra)) : Done(L("DoA를 승인했습니다.", "Acceptable level approved."), RaUrl(ra));
    }

    public async Task<IActionResult> OnPostThreatAsync(Guid ra, Guid? threatId, string? code, string? category, string? nameKo, string? nameEn, CancellationToken ct)
    {
        var req = new ThreatRequest(code, category, nameKo, nameEn);
        var r = threatId is { } id ? await updateThreat.Handle(Access, id, req, ct) : await addThreat.Handle(Access, req, ct);
        return r.Error is { } e ? Failed(e, RaUrl(ra)) : Done(L("위협을 저장했습니다.", "Threat saved."), RaUrl(ra) + "#threats");
    }

    public async Task<IActionResult> OnPostRiskAsync(
        Guid ra, Guid assetId, Guid threatId, int threatLevel, int vulnerabilityLevel, string? vulnerability, string? checkItem, string? controlId, CancellationToken ct)
    {
        // checkItem = "{assessmentId}|{checkItemId}" from the unfulfilled check items, or empty for a vulnerability typed by hand.
        Guid? assessmentId = null;
        string? checkItemId = null;
        if (!string.IsNullOrWhiteSpace(checkItem) && checkItem.Split('|') is [var a, var c] && Guid.TryParse(a, out var aid))
        {
            (assessmentId, checkItemId) = (aid, c);
        }

        var r = await addRisk.Handle(Access, ra, new AddRiskRequest(assetId, threatId, threatLevel, vulnerabilityLevel, Empty(vulnerability), assessmentId, checkItemId, Empty(controlId)), ct);
        return r.Error is { } e ? Failed(e, RaUrl(ra)) : Done(L($"위험을 추가했습니다 (점수 {r.Value!.Score}).", $"Risk added (score {r.Value!.Score})."), RaUrl(ra) + "#risks");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid ra, Guid riskId, CancellationToken ct)
    {
        var r = await removeRisk.Handle(Access, ra, riskId, ct);
        return r.Error is { } e ? Failed(e, RaUrl(ra)) : Done(L("위험을 삭제했습니다.", "Risk removed."), RaUrl(ra) + "#risks");
    }

    public string RaUrl(Guid ra) => OrgUrl("/risks") + "?ra=" + ra;

    private async Task Load(Guid? ra, CancellationToken ct)
    {
        Assessments = await assessments.Handle(Access, ct);
        Current = Assessments.FirstOrDefault(a => a.Id == ra) ?? Assessments.FirstOrDefault();
        if (Current is null)
        {
            return;
        }

        Threats = await threats.Handle(Access, ct);
        Risks = (await risks.Handle(Access, Current.Id, new RiskFilter(PageSize: ListRisks.MaxPageSize), ct)).Value;
        Assets = (await assets.Handle(Access, new AssetFilter(PageSize: ListAssets.MaxPageSize), ct)).Value?.Items ?? [];
        ControlAssessment = (await controlAssessments.Handle(Access, ct)).FirstOrDefault();
        if (ControlAssessment is not null)
        {
            Candidates = (await candidates.Handle(Access, ControlAssessment.Id, ct)).Value ?? [];
        }

        // The renderers escape every text they draw (Svg.Escape), so their output is embedded as markup.
        if ((await heatMap.Handle(Access, Current.Id, ct)).Value is { } map)
        {
            HeatMap = new HtmlString(HeatMapSvg.Render(map, Lang.Catalog));
        }

        if ((await byDomain.Handle(Access, Current.Id, ct)).Value is { } domains && domains.Domains.Count > 0)
        {
            ByDomain = new HtmlString(RisksByDomainSvg.Render(domains, Lang.Catalog));
        }
    }

    public static string StrategyName(string s) => s switch
    {
        "reduce" => L("감소", "Reduce"),
        "transfer" => L("전가", "Transfer"),
        "avoid" => L("회피", "Avoid"),
        "accept" => L("수용", "Accept"),
        _ => L("미정", "None"),
    };

    public static string StatusName(string s) => s switch
    {
        "open" => L("미조치", "Open"),
        "planned" => L("계획", "Planned"),
        "treated" => L("조치 완료", "Treated"),
        "accepted" => L("수용 승인", "Accepted"),
        _ => s,
    };

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
