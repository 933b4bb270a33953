using Jikimi.Application.Assessments;
using Jikimi.Application.Audits;
using Jikimi.Application.Reminders;
using Jikimi.Domain.Organizations;
using Jikimi.Web.Ui;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

namespace Jikimi.Web.Pages.Orgs;

public sealed class CertificationModel(ListCertificates certificates, GetCertificateTimeline timeline, ListAudits audits, CreateAudit create, PrepareApplication prepare,
    ListAssessments assessments, ListNotifications notifications, Jikimi.Application.History.ListPastCertificates pastList, Jikimi.Application.History.RecordPastCertificate recordPast) : OrgPage
{
    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    public Dictionary<Guid, IHtmlContent> Timelines { get; } = [];

    public IReadOnlyList<AuditView> Audits { get; private set; } = [];

    public IReadOnlyList<AssessmentView> Assessments { get; private set; } = [];

    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public ApplicationStatement? Application { get; private set; }

    /// <summary>Certificates held before (K-ISMS, K-PIMS, or before Jikimi), issue 19.</summary>
    public IReadOnlyList<Jikimi.Application.History.PastCertificateView> Past { get; private set; } = [];

    public async Task OnGetAsync(DateOnly? operatingSince, CancellationToken ct) => await Load(operatingSince, ct);

    public async Task<IActionResult> OnPostCreateAsync(string? kind, Guid? assessmentId, Guid? certificateId, DateOnly? operatingSince, DateOnly? appliedOn, string? body, string? team,
        DateOnly? periodStart, DateOnly? periodEnd, string? otherCertifications, Guid? seedFromAuditId, CancellationToken ct)
    {
        var r = await create.Handle(Access, new CreateAuditRequest(kind, assessmentId, certificateId, operatingSince, appliedOn, null, Empty(body), Empty(team), periodStart, periodEnd, null,
            Empty(otherCertifications), seedFromAuditId), ct);
        if (r.Error is { } e)
        {
            await Load(operatingSince, ct);
            return Fail(e);
        }

        return Done(L("심사를 추가했습니다.", "Audit added."), OrgUrl($"/audits/{r.Value!.Id}"));
    }

    public async Task<IActionResult> OnPostPastAsync(string? scheme, string? number, DateOnly? issuedOn, DateOnly? expiresOn, string? scope, CancellationToken ct)
    {
        var r = await recordPast.Handle(Access, new Jikimi.Application.History.PastCertificateRequest(scheme, number, issuedOn ?? default, expiresOn ?? default, scope), ct);
        if (r.Error is { } e)
        {
            await Load(null, ct);
            return Fail(e);
        }

        return Done(L("이전 인증서를 기록했습니다.", "Past certificate recorded."), OrgUrl("/certification"));
    }

    private async Task Load(DateOnly? operatingSince, CancellationToken ct)
    {
        Past = (await pastList.Handle(Access, ct)).Value ?? [];
        Certificates = (await certificates.Handle(Access, ct)).Value ?? [];
        foreach (var c in Certificates)
        {
            // The renderer escapes every text it draws (tested in Application.Tests); the SVG is embedded as markup.
            if ((await timeline.Handle(Access, c.Id, ct)).Value is { } svg)
            {
                Timelines[c.Id] = new HtmlString(svg);
            }
        }

        Audits = await audits.Handle(Access, ct);
        Assessments = await assessments.Handle(Access, ct);
        Notifications = (await notifications.Handle(Access, 20, ct)).Value ?? [];
        if (Role.CanManageWorkspace())
        {
            Application = await prepare.Handle(Access, operatingSince, ct);
        }
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
