using System.Security.Cryptography;
using Jikimi.Application.Assessments;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Evidence;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Evidence;

public class EvidenceTests
{
    private static Dictionary<string, string?> Settings(string store, long limit = 1024 * 1024) => new()
    {
        ["Evidence:Store"] = store,
        ["Evidence:MaxUploadBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Task<Domain.Common.Result<EvidenceView>> Upload(AppHarness app, Application.Common.OrgAccess org, byte[] bytes, string name, Guid? existing = null, UploadEvidenceRequest? req = null) =>
        app.Run(org.OrganizationId, sp => sp.GetRequiredService<UploadEvidence>().Handle(org, existing, req ?? new UploadEvidenceRequest("교육 결과", null, new DateOnly(2026, 3, 1), 365, null), new EvidenceFile(new MemoryStream(bytes), name), default));

    [Theory]
    [InlineData(TestDatabase.Sqlite, "filesystem")]
    [InlineData(TestDatabase.Sqlite, "database")]
    [PostgresData("filesystem")]
    [PostgresData("database")]
    public async Task Upload_hashes_versions_links_and_computes_expiry(string provider, string store)
    {
        await using var app = await AppHarness.CreateAsync(provider, Settings(store));
        var (org, a) = await OrgWithAssessmentAsync(app);
        var bytes = "2026 정보보호 교육 이수 결과\n"u8.ToArray();
        var req = new UploadEvidenceRequest("교육 결과", "전 직원", new DateOnly(2026, 3, 1), 365, [new EvidenceTarget(a.Id, "2.2.4", null), new EvidenceTarget(a.Id, "2.2.4", "2.2.4-2")]);
        var v1 = Ok(await Upload(app, org, bytes, "../../교육 결과.pdf", req: req));
        Assert.Equal(new DateOnly(2027, 3, 1), v1.ExpiresOn);
        Assert.Equal(2, v1.Uses);
        var version = Assert.Single(v1.Versions!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), version.Sha256);
        Assert.Equal("교육 결과.pdf", version.FileName);
        Assert.Equal("application/pdf", version.ContentType);

        var v2 = Ok(await Upload(app, org, "v2"u8.ToArray(), "training.txt", v1.Id, new UploadEvidenceRequest(null, null, new DateOnly(2026, 9, 1), null, null)));
        Assert.Equal(2, v2.CurrentVersion);
        Assert.Equal(new DateOnly(2027, 9, 1), v2.ExpiresOn);
        var download = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DownloadEvidence>().Handle(org, v1.Id, 1, default)));
        using (var ms = new MemoryStream())
        {
            await download.Content.CopyToAsync(ms);
            await download.Content.DisposeAsync();
            Assert.Equal(bytes, ms.ToArray());
        }

        var control = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.2.4", default)));
        Assert.Equal(2, control.Evidence.Count);
        Assert.Contains(control.Evidence, e => e.CheckItemId == "2.2.4-2");
        Assert.Equal(2, control.Control.EvidenceCount);

        var expiring = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListEvidence>().Handle(org, new EvidenceFilter(ExpiringWithinDays: 400), default));
        Assert.Single(expiring.Items);
        var notYet = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListEvidence>().Handle(org, new EvidenceFilter(ExpiringWithinDays: 30), default));
        Assert.Empty(notYet.Items);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "filesystem")]
    [InlineData(TestDatabase.Sqlite, "database")]
    [PostgresData("filesystem")]
    [PostgresData("database")]
    public async Task Oversized_upload_stores_nothing(string provider, string store)
    {
        await using var app = await AppHarness.CreateAsync(provider, Settings(store, limit: 4096));
        var (org, _) = await OrgWithAssessmentAsync(app);
        var r = await Upload(app, org, new byte[4097], "big.bin");
        Assert.Equal(Jikimi.Input.InputError.TooLargeCode, Assert.IsType<Jikimi.Domain.Common.InputTooLarge>(r.Error).Code);
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Evidence.CountAsync()));
        Assert.Equal(0, await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().EvidenceBlobs.CountAsync()));
        var dir = Path.Combine(app.Database.DataDirectory, "evidence");
        Assert.Empty(Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories) : []);
        Assert.True((await Upload(app, org, new byte[4096], "fits.bin")).IsSuccess);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "filesystem")]
    [InlineData(TestDatabase.Sqlite, "database")]
    [PostgresData("filesystem")]
    [PostgresData("database")]
    public async Task Failed_record_discards_the_bytes_it_stored(string provider, string store)
    {
        await using var app = await AppHarness.CreateAsync(provider, Settings(store));
        var (org, a) = await OrgWithAssessmentAsync(app);
        var bad = new UploadEvidenceRequest("x", null, null, null, [new EvidenceTarget(a.Id, "9.9.9", null)]);
        var r = await Upload(app, org, "orphan?"u8.ToArray(), "o.txt", req: bad);
        Assert.Equal("control.not_found", r.Error!.Code);
        Assert.Equal(0, await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().EvidenceBlobs.CountAsync()));
        var dir = Path.Combine(app.Database.DataDirectory, "evidence");
        Assert.Empty(Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories) : []);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "filesystem")]
    [InlineData(TestDatabase.Sqlite, "database")]
    [PostgresData("filesystem")]
    [PostgresData("database")]
    public async Task Soft_delete_hides_and_stops_serving_but_keeps_and_audits(string provider, string store)
    {
        await using var app = await AppHarness.CreateAsync(provider, Settings(store));
        var (org, _) = await OrgWithAssessmentAsync(app);
        var e = Ok(await Upload(app, org, "x"u8.ToArray(), "x.txt"));
        Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DeleteEvidence>().Handle(org, e.Id, default)));
        Assert.Empty((await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListEvidence>().Handle(org, new EvidenceFilter(), default))).Items);
        Assert.Single((await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListEvidence>().Handle(org, new EvidenceFilter(IncludeDeleted: true), default))).Items);
        Assert.Equal("evidence_version.not_found", (await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DownloadEvidence>().Handle(org, e.Id, null, default))).Error!.Code);
        var events = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAuditEvents>().Handle(org, new AuditQuery(Action: "evidence.*"), default));
        Assert.Equal([AuditActions.EvidenceDeleted, AuditActions.EvidenceUploaded], events.Items.Select(i => i.Action));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "filesystem")]
    [InlineData(TestDatabase.Sqlite, "database")]
    [PostgresData("filesystem")]
    [PostgresData("database")]
    public async Task Evidence_cannot_be_linked_to_another_organizations_control(string provider, string store)
    {
        await using var app = await AppHarness.CreateAsync(provider, Settings(store));
        var (orgA, _) = await OrgWithAssessmentAsync(app, "a@a.kr");
        var (orgB, aB) = await OrgWithAssessmentAsync(app, "b@b.kr");
        var e = Ok(await Upload(app, orgA, "a"u8.ToArray(), "a.txt"));
        var r = await app.Run(orgA.OrganizationId, sp => sp.GetRequiredService<LinkEvidence>().Handle(orgA, e.Id, new EvidenceTarget(aB.Id, "1.1.1", null), default));
        Assert.Equal("control.not_found", r.Error!.Code);
        var other = await app.Run(orgB.OrganizationId, sp => sp.GetRequiredService<DownloadEvidence>().Handle(orgB, e.Id, null, default));
        Assert.Equal("evidence_version.not_found", other.Error!.Code);
    }
}
