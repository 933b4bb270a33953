using Jikimi.Application.Cloud;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Reminders;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Cloud;

/// <summary>
/// Provider certificates are not ordinary tenant data (instance rows serve everyone), so their boundary is shown here:
/// one organization's override is invisible to another, changes nothing in its inheritance, does not block its own
/// records, and reminds only its owner (ADR 0047).
/// </summary>
public class ProviderCertificateBoundaryTests
{
    private static readonly ProviderCertificateRequest Instance = new(
        "isms", "ISMS-INSTANCE-1", "KISA", null, null, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), 80, null);

    private static readonly ProviderCertificateRequest AOwn = new(
        "isms", "A-OWN-COPY", "KISA", null, null, new DateOnly(2024, 2, 1), new DateOnly(2027, 1, 10), 80, null);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task An_organizations_override_never_reaches_another_organization(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var root = await app.CreateUserAsync("root@a.kr", "관리자", systemAdministrator: true);
        var a = await app.CreateOrganizationAsync(root, "가 회사");
        var b = await app.CreateOrganizationAsync(root, "나 회사");
        foreach (var org in new[] { a, b })
        {
            Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DeclareCloudUsage>().Handle(
                org, new DeclareCloudUsageRequest([new CloudUsageItem("azure", "iaas", null, null)]), default)));
        }

        Ok(await app.Run(null, sp => sp.GetRequiredService<RecordProviderCertificate>().HandleInstance(root, "azure", Instance, default)));
        Ok(await app.Run(a.OrganizationId, sp => sp.GetRequiredService<RecordProviderCertificate>().Handle(a, "azure", AOwn, default)));

        // A relies on its own copy; B still on the instance record, and sees nothing of A's.
        Task<InheritanceView> Of(OrgAccess o) => app.Run(o.OrganizationId, sp => sp.GetRequiredService<GetInheritance>().Handle(o, default));
        Assert.Equal("A-OWN-COPY", (await Of(a)).Controls.Single(c => c.ControlId == "2.4.2").Providers.Single().Number);
        var seenByB = await Of(b);
        Assert.Equal("ISMS-INSTANCE-1", seenByB.Controls.Single(c => c.ControlId == "2.4.2").Providers.Single().Number);
        Assert.DoesNotContain(seenByB.Certificates, c => c.Number == "A-OWN-COPY");

        // The fence is structural: B's unit of work cannot read A's row even when asking for A by id or by table.
        var (rowsInB, askedForA) = await app.Run(b.OrganizationId, async sp =>
        {
            var db = sp.GetRequiredService<JikimiDb>();
            return (await db.ProviderCertificates.Select(c => c.Number).ToListAsync(),
                await CloudDirectory.CertificatesAsync(db, a.OrganizationId, new DateOnly(2026, 12, 1), default));
        });
        Assert.Equal(["ISMS-INSTANCE-1"], rowsInB);
        Assert.DoesNotContain(askedForA, c => c.Number == "A-OWN-COPY");
        var withoutTenant = await app.Run(null, sp => sp.GetRequiredService<ListCloudProviders>().Handle(root, default));
        Assert.DoesNotContain(withoutTenant.SelectMany(p => p.Certificates), c => c.Number == "A-OWN-COPY");

        // A's validity does not block B recording the same period (overlap is checked per owner).
        Ok(await app.Run(b.OrganizationId, sp => sp.GetRequiredService<RecordProviderCertificate>().Handle(b, "azure", AOwn with { Number = "B-OWN-COPY" }, default)));
        Assert.Equal("B-OWN-COPY", (await Of(b)).Controls.Single(c => c.ControlId == "2.4.2").Providers.Single().Number);
        Assert.DoesNotContain((await Of(a)).Certificates, c => c.Number == "B-OWN-COPY");

        // Reminders for an organization's own record go to that organization only (A's and B's end on 2027-01-10).
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));
        var titles = await app.Run(a.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Reminders.Where(r => r.Kind == PlanReminders.ProviderCertificateExpiring).Select(r => r.Title).ToListAsync());
        Assert.Contains(titles, t => t.Contains("A-OWN-COPY", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("B-OWN-COPY", StringComparison.Ordinal));
    }
}
