using System.Text;
using Jikimi.Application.Automation;
using Jikimi.Application.Data;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Automation;

/// <summary>Issue 19 item 4: the last K-ISMS results become suggestions on a 2023 assessment, each with the crosswalk's reason.</summary>
public class LegacyResultsImportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly Edition Main = CriteriaCatalog.Embedded[EditionId.IsmsP2023];

    private static Task<Result<RecordedRunView>> Import(AppHarness app, Jikimi.Application.Common.OrgAccess who, Guid assessment, string csv) =>
        app.Run(who.OrganizationId, sp => sp.GetRequiredService<ImportLegacyResults>().Handle(who, assessment, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "k-isms-2017.csv", "KISA-2017-001", default));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Legacy_results_map_onto_2023_as_suggestions_with_the_crosswalks_reason(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        const string csv = "ID,Result,Note\r\n"
            + "7.1.1,미이행,통제구역 지정 문서 없음 (담당 kim@example.com)\r\n" // equal → 2.4.1
            + "10.3.3,partial,\r\n"                                               // subset → 2.5.4
            + "11.6.3,fail,\r\n"                                                  // intersects → 2.9.5, 2.11.3: too loose to suggest
            + "6.1.3,이행,\r\n";                                                  // equal → 2.2.3, passing: nothing to suggest

        var r = Ok(await Import(app, org, a.Id, csv));
        Assert.Equal(AutomatedSources.Legacy, r.Run.Source);
        Assert.Equal("KISA-2017-001", r.Run.Label);
        Assert.Equal(["2.2.3", "2.4.1", "2.5.4", "2.9.5", "2.11.3"], r.ControlsLinked);
        var n241 = Main.Find("2.4.1")!.CheckItems.Count;
        var n254 = Main.Find("2.5.4")!.CheckItems.Count;
        Assert.Equal(n241 + n254, r.Suggestions);

        var suggestions = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListSuggestions>().Handle(org, a.Id, default)))
            .Where(s => s.RunId == r.Run.Id).ToList();
        Assert.All(suggestions, s => Assert.Equal(AutomatedSources.Legacy, s.Source));
        Assert.All(suggestions.Where(s => s.ControlId == "2.4.1"), s => Assert.Equal("not-fulfilled", s.Suggested));
        Assert.All(suggestions.Where(s => s.ControlId == "2.5.4"), s => Assert.Equal("partial", s.Suggested));
        Assert.DoesNotContain(suggestions, s => s.ControlId is "2.9.5" or "2.11.3" or "2.2.3");
        Assert.All(suggestions, s => Assert.Equal("pending", s.State)); // suggestions, never results

        // Each result says which K-ISMS item it came from, the relation and the crosswalk's reason; the note is kept, its e-mail masked.
        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetAutomatedRun>().Handle(org, a.Id, r.Run.Id, null, null, null, default)));
        var onAccess = detail.Results.Single(x => x.RuleId == "k-isms:7.1.1");
        Assert.Equal("fail", onAccess.Status);
        Assert.Contains("K-ISMS 7.1.1 → 2023 2.4.1", onAccess.Detail, StringComparison.Ordinal);
        Assert.Contains("equal", onAccess.Detail, StringComparison.Ordinal);
        Assert.Contains("통제구역 지정 문서 없음", onAccess.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("kim@example.com", onAccess.Detail, StringComparison.Ordinal);
        Assert.All(detail.Results.Where(x => x.RuleId == "k-isms:11.6.3"), x => Assert.Equal("manual", x.Status));
        Assert.Contains("[K-ISMS 제목 미확인", detail.Results.Single(x => x.RuleId == "k-isms:6.1.3").Detail, StringComparison.Ordinal);

        // The same sheet again is the same run.
        var again = Ok(await Import(app, org, a.Id, csv));
        Assert.True(again.AlreadyRecorded);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_bad_row_is_refused_with_its_row_and_nothing_is_stored(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        Task<int> Runs() => app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AutomatedRuns.CountAsync());
        var before = await Runs();

        var unknown = Fails<RecordedRunView, LegacySheetInvalid>(await Import(app, org, a.Id, "id,result\n7.1.1,fail\n2.5.4,fail\n"));
        Assert.Equal("k-isms-2017.csv, row 2", unknown.Where);
        Assert.Contains("'2.5.4' is not a K-ISMS item", unknown.Problem, StringComparison.Ordinal);

        var result = Fails<RecordedRunView, LegacySheetInvalid>(await Import(app, org, a.Id, "id,result\n7.1.1,maybe\n"));
        Assert.Contains("'maybe' is not a result", result.Problem, StringComparison.Ordinal);

        var columns = Fails<RecordedRunView, LegacySheetInvalid>(await Import(app, org, a.Id, "item,status\n7.1.1,fail\n"));
        Assert.Contains("id and result", columns.Problem, StringComparison.Ordinal);

        var twice = Fails<RecordedRunView, LegacySheetInvalid>(await Import(app, org, a.Id, "id,result\n7.1.1,fail\n7.1.1,pass\n"));
        Assert.Contains("appears twice", twice.Problem, StringComparison.Ordinal);

        var quoting = await Import(app, org, a.Id, "id,result\n\"7.1.1,fail\n");
        Assert.StartsWith("input.", quoting.Error!.Code, StringComparison.Ordinal);

        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Domain.Organizations.Role.Viewer);
        Fails<RecordedRunView, Forbidden>(await Import(app, viewer, a.Id, "id,result\n7.1.1,fail\n"));

        Assert.Equal(before, await Runs());
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AutomatedSuggestions.CountAsync(s => s.AssessmentId == a.Id && s.ControlId == "2.4.1")));
    }
}
