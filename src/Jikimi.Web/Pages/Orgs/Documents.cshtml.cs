using Jikimi.Application.Assessments;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Jikimi.Reports.Oscal;
using Jikimi.Application.Automation;
using Jikimi.Application.Automation.Prowler;
using Jikimi.Reports.Readiness;
using Jikimi.Reports.Statement;
using Jikimi.Reports.Xlsx;
using Jikimi.Web.Infrastructure;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>Downloads and uploads of one assessment's documents: the same use cases as the API's /statement, /reports, /oscal, /prowler.</summary>
[EvidenceUpload]
public sealed class DocumentsModel(GetAssessment get, ExportStatement statement, ImportStatement importStatement, BuildReadinessReport readiness, ExportOscalResults oscal, ImportProwler prowler, Jikimi.Reports.Legacy.ImportLegacySheet legacy) : OrgPage
{
    [FromRoute]
    public Guid AssessmentId { get; set; }

    public AssessmentView? Assessment { get; private set; }

    public IReadOnlyList<SheetProblem>? StatementProblems { get; private set; }

    public ProwlerImportReport? Prowler { get; private set; }

    /// <summary>The last K-ISMS results mapped onto this assessment as suggestions (issue 19).</summary>
    public RecordedRunView? Legacy { get; private set; }

    /// <summary>What the uploaded Prowler file held (found, mapped, unmapped with reasons, manual, muted), imported or refused.</summary>
    public ProwlerCounts? ProwlerCounts { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetStatementAsync(string? lang, CancellationToken ct) => await Download(await statement.Handle(Access, AssessmentId, Language(lang), ct));

    public async Task<IActionResult> OnGetReadinessAsync(string? format, string? lang, CancellationToken ct) =>
        ReportFormats.TryParse(format ?? "pdf", out var f) ? await Download(await readiness.Handle(Access, AssessmentId, Language(lang), f, ct)) : BadRequest();

    public async Task<IActionResult> OnGetOscalAsync(string? lang, CancellationToken ct) => await Download(await oscal.Handle(Access, AssessmentId, Language(lang), ct));

    public IActionResult OnGetOscalCatalog(string? lang) =>
        File(OscalCatalog.Export(CriteriaCatalog.Embedded[EditionId.IsmsP2023], Language(lang)), ReportFile.Json, "oscal-catalog-isms-p-2023.json");

    public async Task<IActionResult> OnPostImportStatementAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        if (file is null)
        {
            return Fail(new Invalid("file", L("파일을 선택하세요.", "Choose a file.")));
        }

        await using var content = file.OpenReadStream();
        var r = await importStatement.Handle(Access, AssessmentId, content, ct);
        if (r.Error is StatementRejected rejected)
        {
            StatementProblems = rejected.Problems;
            Response.StatusCode = Problems.StatusOf(rejected);
            return Page();
        }

        if (r.Error is { } e)
        {
            return Fail(e);
        }

        return Done(L($"운영명세서를 가져왔습니다: {r.Value!.Changed}개 통제 변경, {r.Value.Unchanged}개 그대로.", $"Statement imported: {r.Value!.Changed} controls changed, {r.Value.Unchanged} unchanged."));
    }

    public async Task<IActionResult> OnPostProwlerAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        if (file is null)
        {
            return Fail(new Invalid("file", L("파일을 선택하세요.", "Choose a file.")));
        }

        await using var content = file.OpenReadStream();
        var r = await prowler.Handle(Access, AssessmentId, content, ct);
        if (r.Error is ProwlerNothingMapped refused)
        {
            ProwlerCounts = refused.Counts; // show what was found and why it maps to nothing
        }

        if (r.Error is { } e)
        {
            return Fail(e);
        }

        Prowler = r.Value;
        ProwlerCounts = r.Value!.Counts;
        return Page();
    }

    public async Task<IActionResult> OnPostLegacyAsync(IFormFile? file, string? label, CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        if (file is null)
        {
            return Fail(new Invalid("file", L("파일을 선택하세요.", "Choose a file.")));
        }

        await using var content = file.OpenReadStream();
        var r = await legacy.Handle(Access, AssessmentId, content, file.FileName, label, ct);
        if (r.Error is { } e)
        {
            return Fail(e);
        }

        Legacy = r.Value;
        return Page();
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        var a = await get.Handle(Access, AssessmentId, ct);
        Assessment = a.Value;
        return a.Error is null;
    }

    private async Task<IActionResult> Download(Result<ReportFile> r) =>
        r.Error is { } e ? (e is NotFoundError ? NotFound() : Failed(e, OrgUrl($"/assessments/{AssessmentId}/documents"))) : await Delivered(r.Value!.Content, r.Value.ContentType, r.Value.FileName);

    private static Language Language(string? lang) => LanguageParser.TryParse(lang, out var l) ? l : Jikimi.Catalog.Model.Language.Ko;
}
