using Jikimi.Application.Assessments;
using Jikimi.Application.Common;
using Jikimi.Domain.Common;
using Jikimi.TestSupport.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Application.Tests;

/// <summary>Small helpers over the harness so each test reads as its scenario.</summary>
internal static class Scenario
{
    public static async Task<(OrgAccess Admin, AssessmentView Assessment)> OrgWithAssessmentAsync(AppHarness app, string email = "admin@a.kr", string certification = "isms-p")
    {
        var admin = await app.CreateUserAsync(email, "관리자", systemAdministrator: true);
        var org = await app.CreateOrganizationAsync(admin);
        var created = await app.Run(org.OrganizationId, sp => sp.GetRequiredService<CreateAssessment>().Handle(org, new CreateAssessmentRequest(2026, "2023", certification, null, null), default));
        return (org, Ok(created));
    }

    public static T Ok<T>(Result<T> r) => r.Error is null ? r.Value! : throw new Xunit.Sdk.XunitException($"expected success, got {r.Error.Code}: {r.Error.Message}");

    public static void Ok(Result r)
    {
        if (r.Error is { } e)
        {
            throw new Xunit.Sdk.XunitException($"expected success, got {e.Code}: {e.Message}");
        }
    }

    public static TError Fails<TError>(Result r)
        where TError : DomainError => Assert.IsType<TError>(r.Error);

    public static TError Fails<T, TError>(Result<T> r)
        where TError : DomainError => Assert.IsType<TError>(r.Error);

    public static Task<CheckItemView> Record(AppHarness app, OrgAccess who, Guid assessment, string item, string result, string? reason = null) =>
        app.Run(who.OrganizationId, async sp =>
        {
            var version = (await sp.GetRequiredService<GetControl>().Handle(who, assessment, item[..item.IndexOf('-', StringComparison.Ordinal)], default)).Value!.CheckItems.Single(i => i.CheckItemId == item).Version;
            return Ok(await sp.GetRequiredService<RecordCheckItem>().Handle(who, assessment, item, new RecordCheckItemRequest(result, reason, null, version), default));
        });
}
