using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Readiness;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Search;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Reports.Readiness;

/// <summary>
/// The readiness report for management, as HTML or PDF: summary, readiness by domain and sub-domain (charts), the
/// largest gaps, evidence expiring soon, and any extra sections other areas register (corrective actions, risks).
/// Built on the readiness use case, so the numbers match the API's.
/// </summary>
public sealed class BuildReadinessReport(JikimiDb db, GetReadiness readiness, TimeProvider clock, IEnumerable<IReadinessReportSection> sections)
{
    public const int GapCount = 10;

    public async Task<Result<ReportFile>> Handle(OrgAccess access, Guid assessmentId, Language lang, ReportFormat format, CancellationToken ct)
    {
        if (format == ReportFormat.Xlsx)
        {
            return new Invalid("format", "The readiness report is made as html or pdf.");
        }

        var model = await BuildAsync(access, assessmentId, lang, ct);
        if (model.Error is { } e)
        {
            return e;
        }

        var r = model.Value!;
        var name = $"{lang.T("준비도-보고서", "readiness-report")}-{r.Year}";
        return format == ReportFormat.Pdf
            ? new ReportFile(ReadinessPdf.Render(r), ReportFile.Pdf, name + ".pdf")
            : new ReportFile(System.Text.Encoding.UTF8.GetBytes(ReadinessHtml.Render(r)), ReportFile.Html, name + ".html");
    }

    public async Task<Result<ReadinessReport>> BuildAsync(OrgAccess access, Guid assessmentId, Language lang, CancellationToken ct)
    {
        var view = await readiness.Handle(access, assessmentId, includeControls: true, ct);
        if (view.Error is { } e)
        {
            return e;
        }

        var v = view.Value!;
        var assessment = await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == assessmentId, ct);
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == access.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var edition = EditionId.TryParse(assessment.Edition, out var id) ? Catalog.CriteriaCatalog.Embedded[id] : Catalog.CriteriaCatalog.Embedded[EditionId.IsmsP2023];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var soon = today.AddDays(30);
        var expiring = await db.Evidence.AsNoTracking()
            .Where(x => x.DeletedAt == null && x.ExpiresOn != null && x.ExpiresOn <= soon)
            .OrderBy(x => x.ExpiresOn).ThenBy(x => x.Title).Take(50)
            .Select(x => new { x.Title, x.ExpiresOn })
            .ToListAsync(ct);
        var gaps = (v.Controls ?? [])
            .Where(c => c.Counts.NotFulfilled + c.Counts.Partial > 0)
            .OrderByDescending(c => c.Counts.NotFulfilled).ThenByDescending(c => c.Counts.Partial).ThenBy(c => c.Readiness ?? 100)
            .ThenBy(c => c.ControlId, ControlIdComparer.Instance)
            .Take(GapCount)
            .Select(c => new GapRow(c.ControlId, edition.Find(c.ControlId)?.Title[lang] ?? c.ControlId, c.Result, c.Counts, c.Readiness))
            .ToList();
        var extra = new List<ReportSection>();
        foreach (var s in sections.OrderBy(s => s.Order))
        {
            if (await s.BuildAsync(access, assessmentId, lang, ct) is { } section)
            {
                extra.Add(section);
            }
        }

        return new ReadinessReport(
            lang,
            org,
            assessment.Title,
            assessment.Year,
            edition.Name[lang],
            today,
            v.Overall,
            v.Readiness,
            v.Workflow,
            v.OverdueControls,
            v.Domains.Select(d => new ReadinessBar(d.Id, $"{d.Id}. {(lang == Language.Ko ? d.TitleKo : d.TitleEn)}", d.Readiness, d.Counts)).ToList(),
            v.Subdomains.Select(d => new ReadinessBar(d.Id, $"{d.Id} {(lang == Language.Ko ? d.TitleKo : d.TitleEn)}", d.Readiness, d.Counts)).ToList(),
            gaps,
            expiring.Select(x => new ExpiringEvidenceRow(x.Title, x.ExpiresOn!.Value, x.ExpiresOn < today)).ToList(),
            extra);
    }
}
