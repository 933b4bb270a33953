using Jikimi.Application.AuditTrail;
using Jikimi.Application.Data;
using Jikimi.Application.History;
using Jikimi.Domain.Common;
using Jikimi.Domain.History;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.History;

/// <summary>Issue 19 item 4: an organization records the K-ISMS / K-PIMS certificates it held before.</summary>
public class PastCertificateTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly PastCertificateRequest KIsms = new("K-ISMS", "KISA-ISMS-2015-017", new DateOnly(2015, 3, 2), new DateOnly(2018, 3, 1), "본사 IDC 및 온라인 쇼핑몰 서비스");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_past_certificate_is_recorded_once_listed_newest_first_and_kept_to_its_organization(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, _) = await OrgWithAssessmentAsync(app);
        Task<Result<PastCertificateView>> Record(Jikimi.Application.Common.OrgAccess who, PastCertificateRequest r) =>
            app.Run(who.OrganizationId, sp => sp.GetRequiredService<RecordPastCertificate>().Handle(who, r, default));

        var k = Ok(await Record(org, KIsms));
        Assert.Equal(("k-isms", "KISA-ISMS-2015-017"), (k.Scheme, k.Number));
        var p = Ok(await Record(org, new PastCertificateRequest("k-pims", "PIMS-2016-031", new DateOnly(2016, 5, 1), new DateOnly(2019, 4, 30), "회원 관리 시스템")));
        Fails<PastCertificateView, PastCertificateExists>(await Record(org, KIsms with { Scope = "다른 범위" }));

        var list = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListPastCertificates>().Handle(org, default)));
        Assert.Equal([p.Id, k.Id], list.Select(x => x.Id));
        Assert.Equal(2, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.CountAsync(e => e.Action == AuditActions.PastCertificateRecorded)));

        // Another organization sees none of them and may record the same number for itself.
        var (other, _) = await OrgWithAssessmentAsync(app, "admin@b.kr");
        Assert.Empty(Ok(await app.Run(other.OrganizationId, sp => sp.GetRequiredService<ListPastCertificates>().Handle(other, default))));
        Ok(await Record(other, KIsms));

        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Domain.Organizations.Role.Viewer);
        Fails<PastCertificateView, Forbidden>(await Record(viewer, KIsms with { Number = "X-1" }));
    }

    [Theory]
    [InlineData("ismsp", "KISA-1", "2015-03-02", "2018-03-01", "범위", "scheme")]
    [InlineData("k-isms", " ", "2015-03-02", "2018-03-01", "범위", "number")]
    [InlineData("k-isms", "KISA-1", "2018-03-01", "2018-03-01", "범위", "expiresOn")]
    [InlineData("k-isms", "KISA-1", "2015-03-02", "2018-03-01", "", "scope")]
    public void Bad_input_is_refused_with_the_field(string scheme, string number, string issued, string expires, string scope, string field)
    {
        var r = PastCertificate.Record(Guid.NewGuid(), scheme, number, DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), scope, "관리자", DateTime.UtcNow);
        var e = Assert.IsType<PastCertificateInvalid>(r.Error);
        Assert.Equal(field, e.Field);
    }
}
