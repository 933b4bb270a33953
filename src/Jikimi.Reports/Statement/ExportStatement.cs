using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Jikimi.Reports.Xlsx;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Reports.Statement;

/// <summary>
/// The operation statement of an assessment as XLSX, in Korean or English: one row per control in catalog order,
/// plus an "About" sheet naming the organization and assessment so the file can be imported back. For a control
/// inherited from or shared with a cloud provider, 운영현황 starts with a line citing the provider's certificate
/// (ADR 0062); the import drops that line again.
/// </summary>
public sealed class ExportStatement(JikimiDb db, Application.Cloud.GetAssessmentInheritance inheritance)
{
    public async Task<Result<ReportFile>> Handle(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct)
    {
        var assessment = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
        {
            return new NotFound("assessment", assessmentId.ToString());
        }

        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == access.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var edition = EditionId.TryParse(assessment.Edition, out var eid) ? Catalog.CriteriaCatalog.Embedded[eid] : Catalog.CriteriaCatalog.Embedded[EditionId.IsmsP2023];
        var controls = await db.ControlAssessments.AsNoTracking().Where(c => c.AssessmentId == assessmentId).OrderBy(c => c.Position).ToListAsync(ct);
        var cloud = (await inheritance.Handle(access, assessmentId, ct)).Value;
        var cloudByControl = cloud?.Controls.ToDictionary(x => x.ControlId, StringComparer.Ordinal) ?? [];
        var domains = edition.Domains.ToDictionary(d => d.Id);
        var subdomains = edition.Subdomains.ToDictionary(s => s.Id);
        var rows = new List<IReadOnlyList<string?>>(controls.Count);
        foreach (var c in controls)
        {
            var control = edition.Find(c.ControlId);
            rows.Add(
            [
                domains.TryGetValue(c.DomainId, out var d) ? $"{d.Id}. {d.Title[lang]}" : c.DomainId,
                subdomains.TryGetValue(c.SubdomainId, out var s) ? $"{s.Id} {s.Title[lang]}" : c.SubdomainId,
                c.ControlId,
                control?.Title[lang] ?? c.ControlId,
                control?.Criterion?[lang],
                StatementLayout.OperatedText(c.Applicable),
                c.NotApplicableReason,
                OperationStatus(c.OperationStatus, cloudByControl.GetValueOrDefault(c.ControlId)),
                c.RelatedDocuments,
                c.EvidenceRecords,
            ]);
        }

        var korean = lang == Language.Ko;
        var about = new List<IReadOnlyList<string?>>
        {
            new[] { lang.T("조직", "Organization"), org },
            new[] { lang.T("심사", "Assessment"), assessment.Title },
            new[] { lang.T("연도", "Year"), assessment.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new[] { lang.T("인증기준", "Criteria"), edition.Name[lang] },
            new[] { StatementLayout.OrganizationKey, access.OrganizationId.ToString() },
            new[] { StatementLayout.AssessmentKey, assessment.Id.ToString() },
            new[] { lang.T("안내", "Note"), lang.T("운영여부(Y/N), 미운영 사유, 운영현황, 관련 문서, 기록 열만 가져오기 때 반영됩니다. 항목번호를 바꾸지 마세요.", "Only Operated (Y/N), reason, operating status, related documents and records are imported. Do not change the control IDs.") },
        };
        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new SheetTable(korean ? StatementLayout.SheetKo : StatementLayout.SheetEn, StatementLayout.Columns, rows, korean),
            new SheetTable(korean ? StatementLayout.AboutKo : StatementLayout.AboutEn, [StatementLayout.AboutKey, StatementLayout.AboutValue], about, korean, Landscape: false),
        ]);
        var fileName = $"{lang.T("운영명세서", "operation-statement")}-{assessment.Year}-{assessment.Edition}.xlsx";
        return new ReportFile(output.ToArray(), ReportFile.Xlsx, fileName);

        string? OperationStatus(string? own, Application.Cloud.ControlInheritance? control)
        {
            var line = control is null || cloud is null ? null : InheritanceText.StatementLine(control, cloud.Providers, lang);
            return line is null ? own : own is null ? line : line + "\n" + own;
        }
    }
}
