using System.Text.Json;
using Jikimi.Application.AccessRecords;
using Jikimi.Application.Common;
using Jikimi.Domain.Common;
using Jikimi.Domain.Organizations;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.AccessRecords;

public class ProcessingSystemTests
{
    private static Task<T> Use<T>(AppHarness app, OrgAccess who, Func<IServiceProvider, Task<T>> work) => app.Run(who.OrganizationId, work);

    private static ProcessingSystemRequest Facts(string name, long subjects = 1_000, bool unique = false, int? version = null) =>
        new(name, "개인정보보호팀", subjects, unique, false, false, null, "10.0.0.0/8", version);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task A_system_is_registered_with_its_retention_its_facts_change_it_and_its_log_format_is_checked(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (admin, _) = await OrgWithAssessmentAsync(app);
        var viewer = await app.AddMemberAsync(admin, await app.CreateUserAsync("v@a.kr", "열람자"), Role.Viewer);

        Fails<ProcessingSystemView, Forbidden>(await Use(app, viewer, sp => sp.GetRequiredService<RegisterProcessingSystem>().Handle(viewer, Facts("고객관리"), default)));
        var crm = Ok(await Use(app, admin, sp => sp.GetRequiredService<RegisterProcessingSystem>().Handle(admin, Facts("고객관리"), default)));
        Assert.Equal((1, 12, "2023-09-22", "base"), (crm.Retention!.LegalYears, crm.Retention.KeptMonths, crm.Retention.RuleSet, crm.Retention.Grounds.Single().Key));
        Fails<ProcessingSystemView, ProcessingSystemNameTaken>(await Use(app, admin, sp => sp.GetRequiredService<RegisterProcessingSystem>().Handle(admin, Facts("고객관리"), default)));

        // 50,000 data subjects: two years, on the proviso's first ground.
        Fails<ProcessingSystemView, ConcurrentEdit>(await Use(app, admin, sp => sp.GetRequiredService<UpdateProcessingSystem>().Handle(admin, crm.Id, Facts("고객관리", 50_000, version: crm.Version + 1), default)));
        var grown = Ok(await Use(app, admin, sp => sp.GetRequiredService<UpdateProcessingSystem>().Handle(admin, crm.Id, Facts("고객관리", 50_000, version: crm.Version), default)));
        Assert.Equal((2, 24, "data-subjects"), (grown.Retention!.LegalYears, grown.Retention.KeptMonths, grown.Retention.Grounds.Single().Key));

        var bad = await Use(app, admin, sp => sp.GetRequiredService<SetAccessLogFormat>().Handle(admin, crm.Id, new SetAccessLogFormatRequest("csv", JsonDocument.Parse("""{"account":"user_id"}""").RootElement, null), default));
        Assert.Equal("validation.mapping", bad.Error!.Code);
        Assert.Equal("validation.format", (await Use(app, admin, sp => sp.GetRequiredService<SetAccessLogFormat>().Handle(admin, crm.Id, new SetAccessLogFormatRequest("evtx", null, null), default))).Error!.Code);
        var mapped = Ok(await Use(app, admin, sp => sp.GetRequiredService<SetAccessLogFormat>().Handle(admin, crm.Id, new SetAccessLogFormatRequest("csv", JsonDocument.Parse("""{"account":"user_id","time":"access_dt","source":"ip","subject":"cust_no","action":"job","actions":{"R01":"view"}}""").RootElement, grown.Version), default)));
        Assert.Equal("csv", mapped.Format);
        Assert.Equal("cust_no", mapped.Mapping!.Value.GetProperty("subject").GetString());

        var list = Ok(await Use(app, viewer, sp => sp.GetRequiredService<ListProcessingSystems>().Handle(viewer, default)));
        Assert.Equal([("고객관리", "csv")], list.Select(s => (s.Name, s.Format)));

        // Each change is in the audit trail, without the mapping's content.
        var trail = await Use(app, admin, async sp => await sp.GetRequiredService<Jikimi.Application.Data.JikimiDb>().AuditEvents.Where(e => e.Action.StartsWith("processing_system.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["processing_system.format_set", "processing_system.registered", "processing_system.updated"], trail.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [PostgresData]
    public async Task Another_organization_neither_sees_nor_changes_a_system_and_may_reuse_its_name(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (a, _) = await OrgWithAssessmentAsync(app);
        var other = await app.CreateOrganizationAsync(await app.CreateUserAsync("b@b.kr", "비관리자", systemAdministrator: true), "다른 회사");
        var erp = Ok(await Use(app, a, sp => sp.GetRequiredService<RegisterProcessingSystem>().Handle(a, Facts("ERP", unique: true), default)));
        Assert.Equal("unique-or-sensitive", erp.Retention!.Grounds.Single().Key);

        Fails<ProcessingSystemView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<GetProcessingSystem>().Handle(other, erp.Id, default)));
        Fails<ProcessingSystemView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<UpdateProcessingSystem>().Handle(other, erp.Id, Facts("탈취"), default)));
        Fails<ProcessingSystemView, NotFound>(await Use(app, other, sp => sp.GetRequiredService<SetAccessLogFormat>().Handle(other, erp.Id, new SetAccessLogFormatRequest("combined", null, null), default)));
        Assert.Empty(Ok(await Use(app, other, sp => sp.GetRequiredService<ListProcessingSystems>().Handle(other, default))));
        Ok(await Use(app, other, sp => sp.GetRequiredService<RegisterProcessingSystem>().Handle(other, Facts("ERP"), default)));
        Assert.Equal("ERP", Ok(await Use(app, a, sp => sp.GetRequiredService<GetProcessingSystem>().Handle(a, erp.Id, default))).Name);
    }
}
