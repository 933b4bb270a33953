using System.Globalization;
using Jikimi.Application.Cloud;
using Jikimi.Application.Common;
using Jikimi.Catalog.Model;
using Jikimi.Reports.Common;
using Jikimi.Reports.Readiness;

namespace Jikimi.Reports.Cloud;

/// <summary>
/// The readiness report's cloud section (ADR 0062): the inherited / shared / own breakdown, readiness as recorded and
/// with inherited check items satisfied by the provider's valid certificate, and every inherited or shared control with
/// the certificate it relies on. Absent when the organization declared no cloud usage.
/// </summary>
public sealed class CloudInheritanceSection(GetAssessmentInheritance inheritance) : IReadinessReportSection
{
    public int Order => 50;

    public async Task<ReportSection?> BuildAsync(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct)
    {
        var view = (await inheritance.Handle(access, assessmentId, ct)).Value;
        if (view is null || view.Summary.Inherited + view.Summary.Shared == 0)
        {
            return null;
        }

        var s = view.Summary;
        var ko = lang == Language.Ko;
        var note = ko
            ? $"상속 {s.Inherited} · 공유 {s.Shared} · 자체 {s.Own} · 증적 필요 {s.NeedsEvidence}. 준비도(기록된 결과) {P(view.Readiness)}, 상속 반영 {P(view.ReadinessWithInheritance)}: 미평가 확인사항 {view.InheritedItemsCounted}개를 제공자의 유효한 인증서로 충족한 것으로 셉니다."
            : $"Inherited {s.Inherited} · shared {s.Shared} · own {s.Own} · needing evidence {s.NeedsEvidence}. Readiness as recorded {P(view.Readiness)}, with inheritance {P(view.ReadinessWithInheritance)}: {view.InheritedItemsCounted} unassessed check items count as fulfilled by the provider's valid certificate.";
        var rows = view.Controls.Where(c => c.Inheritance != "own")
            .Select(c => (IReadOnlyList<string>)
            [
                c.ControlId,
                ko ? c.TitleKo : c.TitleEn,
                InheritanceText.Split(c.Inheritance, lang),
                InheritanceText.State(c.State, lang),
                string.Join("; ", c.Providers.Select(p => InheritanceText.Citation(p, view.Providers, lang))),
            ])
            .ToList();
        IReadOnlyList<string> columns = ko ? ["항목번호", "통제항목", "책임", "상태", "근거 인증서"] : ["Control", "Title", "Split", "State", "Certificate relied on"];
        return new ReportSection("cloud-inheritance", ko ? "클라우드 상속 통제" : "Controls inherited from cloud providers", columns, rows, note);
    }

    private static string P(double? p) => p is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";
}
