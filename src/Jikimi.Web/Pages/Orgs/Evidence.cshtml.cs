using Jikimi.Application.AuditTrail;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

[EvidenceUpload]
public sealed class EvidenceLibraryModel(ListEvidence list, UploadEvidence upload) : OrgPage
{
    public Page<EvidenceView> Items { get; private set; } = new([], 0, 0, 0);

    public string? Query { get; private set; }

    public int? Expiring { get; private set; }

    public bool CanUpload => Role.CanEditControls();

    public async Task OnGetAsync(string? q, int? expiring, CancellationToken ct)
    {
        (Query, Expiring) = (q, expiring);
        Items = await list.Handle(Access, new EvidenceFilter(string.IsNullOrWhiteSpace(q) ? null : q, expiring, Take: 200), ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? title, string? description, DateOnly? effectiveDate, int? refreshIntervalDays, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            FlashError = L("파일을 선택하세요.", "Choose a file.");
            return RedirectToPage();
        }

        await using var content = file.OpenReadStream();
        var r = await upload.Handle(Access, null, new UploadEvidenceRequest(string.IsNullOrWhiteSpace(title) ? file.FileName : title, description, effectiveDate, refreshIntervalDays, null),
            new EvidenceFile(content, file.FileName), ct);
        return r.Error is { } e ? Failed(e) : Done(L("올렸습니다.", "Uploaded."), OrgUrl($"/evidence/{r.Value!.Id}"));
    }
}
