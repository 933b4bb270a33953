using Jikimi.Application.Automation;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

/// <summary>The automated runs of one assessment (ADR 0040): source, date, who, counts; and an upload of a new run.</summary>
[EvidenceUpload]
public sealed class RunsModel(ListAutomatedRuns list, ImportCheckRun checks, ImportPiiScan pii, EvaluateExports exports, Jikimi.Application.Automation.AzurePolicy.ImportAzurePolicy azure) : OrgPage
{
    [FromRoute]
    public Guid AssessmentId { get; set; }

    [FromQuery(Name = "source")]
    public string? Source { get; set; }

    public IReadOnlyList<AutomatedRunView> Runs { get; private set; } = [];

    public bool CanUpload => Role.CanManageWorkspace();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await list.Handle(Access, AssessmentId, string.IsNullOrWhiteSpace(Source) ? null : Source, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        Runs = r.Value!;
        return Page();
    }

    /// <summary>checks: the JSON of `jikimi checks run --format json`; exports: raw exports and facts (several files);
    /// pii_scan: the JSON of `jikimi pii scan --format json`; azure_policy: `az policy state list` JSON (K ISMS P 2023, ADR 0060).</summary>
    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile>? files, string? kind, string? label, CancellationToken ct)
    {
        var chosen = files?.Where(f => f.Length > 0).ToList() ?? [];
        if (chosen.Count == 0)
        {
            FlashError = L("파일을 선택하세요.", "Choose a file.");
            return RedirectToPage();
        }

        Jikimi.Domain.Common.Result<RecordedRunView> r;
        switch (kind)
        {
            case "exports":
                using (var staging = new ExportStaging())
                {
                    foreach (var f in chosen)
                    {
                        await using var s = f.OpenReadStream();
                        if (await staging.AddAsync(f.FileName, s, ct) is { } tooLarge)
                        {
                            return Failed(tooLarge);
                        }
                    }

                    r = await exports.Handle(Access, AssessmentId, staging, label, ct);
                }

                break;
            case AutomatedSources.PiiScan:
                await using (var s = chosen[0].OpenReadStream())
                {
                    r = await pii.Handle(Access, AssessmentId, s, chosen[0].FileName, null, ct);
                }

                break;
            case AutomatedSources.AzurePolicy:
                await using (var s = chosen[0].OpenReadStream())
                {
                    var z = await azure.Handle(Access, AssessmentId, s, chosen[0].FileName, ct);
                    r = z.Error is { } ze ? ze : z.Value!.Recorded;
                }

                break;
            default:
                await using (var s = chosen[0].OpenReadStream())
                {
                    r = await checks.Handle(Access, AssessmentId, s, chosen[0].FileName, label, ct);
                }

                break;
        }

        if (r.Error is { } e)
        {
            return Failed(e);
        }

        var v = r.Value!;
        var message = v.AlreadyRecorded
            ? L("같은 결과가 이미 기록되어 있습니다.", "The same results are already recorded.")
            : L($"실행을 기록했습니다: 통제 {v.ControlsLinked.Count}개, 제안 {v.Suggestions}건.", $"Run recorded: {v.ControlsLinked.Count} controls, {v.Suggestions} suggestions.");
        return Done(message, OrgUrl($"/assessments/{AssessmentId}/runs/{v.Run.Id}"));
    }

    public static string SourceName(string source) => source switch
    {
        AutomatedSources.Checks => L("설정 점검", "Configuration checks"),
        AutomatedSources.Prowler => "Prowler",
        AutomatedSources.PiiScan => L("개인정보 검출", "PII scan"),
        AutomatedSources.AccessRecords => L("접속기록 점검", "Access records"),
        AutomatedSources.AzurePolicy => "Azure Policy",
        _ => source,
    };
}
