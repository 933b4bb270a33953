using Jikimi.Application.Evidence;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Jikimi.Web.Pages.Orgs;

[EvidenceUpload]
public sealed class EvidenceItemModel(GetEvidence get, UpdateEvidence update, UploadEvidence upload, DeleteEvidence delete, DownloadEvidence download) : OrgPage
{
    [FromRoute]
    public Guid EvidenceId { get; set; }

    public EvidenceView? Item { get; private set; }

    public bool CanEdit => Role.CanEditControls() && Item is { Deleted: false };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await get.Handle(Access, EvidenceId, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        Item = r.Value;
        return Page();
    }

    /// <summary>Downloads as an attachment (never rendered inline: uploaded HTML must not run in Jikimi's origin).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int? version, CancellationToken ct)
    {
        var r = await download.Handle(Access, EvidenceId, version, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        var d = r.Value!;
        Infrastructure.SecurityHeaders.ForUploadedFile(Response);
        return new FileStreamResult(d.Content, d.ContentType) { FileDownloadName = d.FileName, EntityTag = new EntityTagHeaderValue($"\"{d.Sha256}\"") };
    }

    public async Task<IActionResult> OnPostUpdateAsync(string? title, string? description, int? refreshIntervalDays, int version, CancellationToken ct)
    {
        var r = await update.Handle(Access, EvidenceId, new UpdateEvidenceRequest(title, description, refreshIntervalDays, version), ct);
        return r.Error is { } e ? Failed(e) : Done(L("저장했습니다.", "Saved."));
    }

    public async Task<IActionResult> OnPostVersionAsync(IFormFile? file, DateOnly? effectiveDate, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            FlashError = L("파일을 선택하세요.", "Choose a file.");
            return RedirectToPage();
        }

        await using var content = file.OpenReadStream();
        var r = await upload.Handle(Access, EvidenceId, new UploadEvidenceRequest(null, null, effectiveDate, null, null), new EvidenceFile(content, file.FileName), ct);
        return r.Error is { } e ? Failed(e) : Done(L("새 버전을 올렸습니다.", "New version uploaded."));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var r = await delete.Handle(Access, EvidenceId, ct);
        return r.Error is { } e ? Failed(e) : Done(L("삭제했습니다.", "Deleted."), OrgUrl("/evidence"));
    }
}
