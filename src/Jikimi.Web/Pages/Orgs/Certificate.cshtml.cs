using Jikimi.Application.Audits;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class CertificateModel(GetCertificate get, GetCertificateTimeline timeline, ChangeCertificateStatus change) : OrgPage
{
    [FromRoute]
    public Guid CertificateId { get; set; }

    public CertificateDetail? Detail { get; private set; }

    public IHtmlContent? Timeline { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var r = await get.Handle(Access, CertificateId, ct);
        if (r.Error is not null)
        {
            return NotFound();
        }

        Detail = r.Value;
        // The renderer escapes every text it draws (tested); the SVG is embedded as markup.
        Timeline = (await timeline.Handle(Access, CertificateId, ct)).Value is { } svg ? new HtmlString(svg) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(string? action, string? reason, CancellationToken ct)
    {
        if (action is not ("suspend" or "reinstate" or "revoke"))
        {
            return BadRequest();
        }

        var r = await change.Handle(Access, CertificateId, action, new CertificateStatusRequest(reason), ct);
        return r.Error is { } e ? Failed(e) : Done(L("인증서 상태를 바꿨습니다.", "Certificate status changed."));
    }
}
