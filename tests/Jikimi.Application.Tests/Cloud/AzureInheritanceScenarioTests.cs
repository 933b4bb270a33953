using Jikimi.Application.Cloud;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Reminders;
using Jikimi.Application.Scope;
using Jikimi.Domain.Cloud;
using Jikimi.Domain.Common;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Cloud;

/// <summary>
/// The seed's scenario: an organization hosted only on Azure Korea Central (IaaS) with an ISMS (80) scope inherits
/// the data-centre controls from Azure's ISMS certificate; when that certificate ends, those controls need evidence
/// and a reminder goes out before it does.
/// </summary>
public class AzureInheritanceScenarioTests
{
    private static readonly ProviderCertificateRequest AzureIsms = new(
        "isms", "ISMS-TEST-2024-017", "KISA", "Datacenter infrastructure", "Korea Central, Korea South",
        new DateOnly(2024, 1, 29), new DateOnly(2027, 1, 28), 80, null);

    private static async Task<(Actor Admin, OrgAccess Org)> IsmsOrgOnAzureAsync(AppHarness app)
    {
        var admin = await app.CreateUserAsync("admin@a.kr", "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin);
        await app.Run(org.OrganizationId, async sp =>
        {
            var scope = await sp.GetRequiredService<GetScope>().Handle(org, default);
            return Ok(await sp.GetRequiredService<UpdateScope>().Handle(org, new UpdateScopeRequest("isms", "2023", null, null, scope.Version), default));
        });
        Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DeclareCloudUsage>().Handle(
            org, new DeclareCloudUsageRequest([new CloudUsageItem("azure", "iaas", "Virtual Machines, Blob Storage", "Korea Central")]), default)));
        return (admin, org);
    }

    private static Task<InheritanceView> Inheritance(AppHarness app, OrgAccess org) =>
        app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetInheritance>().Handle(org, default));

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Azure_iaas_isms_scope_inherits_the_data_centre_and_loses_it_when_the_certificate_ends(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, org) = await IsmsOrgOnAzureAsync(app);

        // Shipped Azure facts carry no dates: inherited controls need evidence until someone records the certificate.
        var before = await Inheritance(app, org);
        Assert.Equal(80, before.Controls.Count);
        Assert.Equal(new InheritanceSummary(6, 9, 65, 15), before.Summary);
        Assert.Contains(before.Certificates, c => c.ProviderKey == "azure" && c.Source == "shipped" && c.Status == "undated" && c.Number is null);

        Ok(await app.Run(null, sp => sp.GetRequiredService<RecordProviderCertificate>().HandleInstance(admin, "azure", AzureIsms, default)));
        var covered = await Inheritance(app, org);
        Assert.Equal(new InheritanceSummary(6, 9, 65, 0), covered.Summary);
        var physical = covered.Controls.Single(c => c.ControlId == "2.4.2");
        Assert.Equal(("inherited", "covered"), (physical.Inheritance, physical.State));
        var side = Assert.Single(physical.Providers);
        Assert.Equal(("azure", "ISMS-TEST-2024-017", "valid"), (side.Provider, side.Number, side.CertificateStatus));
        Assert.Equal(("own", "own"), (covered.Controls.Single(c => c.ControlId == "2.10.2").Inheritance, covered.Controls.Single(c => c.ControlId == "2.10.2").State));
        Assert.Equal("shared", covered.Controls.Single(c => c.ControlId == "2.10.7").Inheritance);
        Assert.Equal("inherited", covered.Controls.Single(c => c.ControlId == "2.10.7").CheckItems.Single(i => i.Id == "2.10.7-3").Inheritance);
        Assert.Equal("own", covered.Controls.Single(c => c.ControlId == "2.10.7").CheckItems.Single(i => i.Id == "2.10.7-1").Inheritance);

        // 60 days before the end a reminder goes out, once per channel, to the organization inheriting from Azure.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero)); // 61 days before 2027-01-28
        Assert.Equal(0, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero)); // 60 days before
        Assert.Equal(1, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));
        var reminder = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Reminders.SingleAsync(r => r.Kind == PlanReminders.ProviderCertificateExpiring));
        Assert.Equal(org.OrganizationId, reminder.OrganizationId);
        Assert.Contains("ISMS-TEST-2024-017", reminder.Title, StringComparison.Ordinal);
        Assert.Equal(0, await app.Run(null, sp => sp.GetRequiredService<PlanReminders>().Handle(default)));

        // The day after the last day of validity the 15 controls relying on Azure turn to "needs evidence".
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 29, 1, 0, 0, TimeSpan.Zero));
        var lapsed = await Inheritance(app, org);
        Assert.Equal(new InheritanceSummary(6, 9, 65, 15), lapsed.Summary);
        Assert.Equal("needs-evidence", lapsed.Controls.Single(c => c.ControlId == "2.4.2").State);
        Assert.Equal("expired", lapsed.Controls.Single(c => c.ControlId == "2.4.2").Providers.Single().CertificateStatus);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task An_organizations_own_record_overrides_the_instance_one_and_stays_its_own(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, org) = await IsmsOrgOnAzureAsync(app);
        var otherAdmin = await app.CreateUserAsync("b@b.kr", "비", systemAdministrator: false);
        var other = await app.CreateOrganizationAsync(admin, "다른 회사");
        Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<RecordProviderCertificate>().Handle(org, "azure", AzureIsms with { Number = "OWN-COPY-1" }, default)));

        var mine = await Inheritance(app, org);
        Assert.Equal("OWN-COPY-1", mine.Controls.Single(c => c.ControlId == "2.4.1").Providers.Single().Number);
        var theirs = await app.Run(other.OrganizationId, sp => sp.GetRequiredService<GetInheritance>().Handle(other, default));
        Assert.DoesNotContain(theirs.Certificates, c => c.Number == "OWN-COPY-1");
        Assert.NotNull(otherAdmin);

        // An instance-wide record needs an instance administrator.
        Assert.IsType<SystemAdministratorOnly>((await app.Run(null, sp => sp.GetRequiredService<RecordProviderCertificate>().HandleInstance(otherAdmin, "azure", AzureIsms, default))).Error);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Unknown_provider_reversed_or_overlapping_validity_is_refused_and_nothing_is_recorded(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, org) = await IsmsOrgOnAzureAsync(app);
        Task<Result<CertificateView>> Record(string key, ProviderCertificateRequest r) =>
            app.Run(null, sp => sp.GetRequiredService<RecordProviderCertificate>().HandleInstance(admin, key, r, default));

        Ok(await Record("azure", AzureIsms));
        var unknown = Assert.IsType<UnknownProvider>((await Record("azur", AzureIsms)).Error);
        Assert.Contains("'azur'", unknown.Message, StringComparison.Ordinal);
        Assert.IsType<ValidityReversed>((await Record("azure", AzureIsms with { IssuedOn = new DateOnly(2028, 1, 1) })).Error);
        var overlap = Assert.IsType<ValidityOverlaps>((await Record("azure", AzureIsms with { Number = "NEXT", IssuedOn = new DateOnly(2027, 1, 28), ExpiresOn = new DateOnly(2030, 1, 27) })).Error);
        Assert.Contains("ISMS-TEST-2024-017", overlap.Message, StringComparison.Ordinal);
        Assert.IsType<Invalid>((await Record("azure", AzureIsms with { Kind = "iso9001" })).Error);
        var usage = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DeclareCloudUsage>().Handle(org, new DeclareCloudUsageRequest([new CloudUsageItem("aws", "iaas", null, null), new CloudUsageItem("nope", "paas", null, null)]), default));
        Assert.IsType<UnknownProvider>(usage.Error);

        // The renewal that starts the day after the old one ends is fine.
        Ok(await Record("azure", AzureIsms with { Number = "NEXT", IssuedOn = new DateOnly(2027, 1, 29), ExpiresOn = new DateOnly(2030, 1, 28) }));
        var rows = await app.Run(null, sp => sp.GetRequiredService<JikimiDb>().ProviderCertificates.CountAsync());
        Assert.Equal(2, rows);
        var usages = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().CloudUsages.Select(u => u.ProviderKey).ToListAsync());
        Assert.Equal(["azure"], usages);
    }
}
