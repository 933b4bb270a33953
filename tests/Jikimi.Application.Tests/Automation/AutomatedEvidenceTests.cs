using System.Text;
using Jikimi.Application.Assessments;
using Jikimi.Application.Automation;
using Jikimi.Application.AuditTrail;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Application.Evidence;
using Jikimi.Domain.Automation;
using Jikimi.Domain.Common;
using Jikimi.TestSupport.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jikimi.Application.Tests.Scenario;

namespace Jikimi.Application.Tests.Automation;

public class AutomatedEvidenceTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    internal static AutomatedResultInput Result(string rule, string resource, string status, string control = "2.5.3", params int[] items) =>
        new(rule, $"{rule} 규칙", $"{rule} rule", "high", "aws_iam_user", resource, status, $"{resource}: {status}", [new AutomatedControlInput(control, items)]);

    internal static AutomatedRunInput Run(DateTime ranAt, params AutomatedResultInput[] results) =>
        new(AutomatedSources.Checks, "aws 111122223333", "2026.12.1", ranAt, [new AutomatedInputFile("iam.json", new string('a', 64))], results);

    private static Task<Result<RecordedRunView>> RecordRun(AppHarness app, OrgAccess who, Guid assessment, AutomatedRunInput input) =>
        app.Run(who.OrganizationId, sp => sp.GetRequiredService<RecordAutomatedRun>().Handle(who, assessment, input, null, default));

    private static Task<int> Count<T>(AppHarness app, OrgAccess who)
        where T : class => app.Run(who.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Set<T>().CountAsync());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_run_stores_results_controls_and_an_evidence_version_once(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var input = Run(
            new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc),
            Result("iam-mfa-admin", "arn:aws:iam::111122223333:user/kim", "fail", "2.5.3", 1),
            Result("iam-mfa-admin", "arn:aws:iam::111122223333:user/lee", "pass", "2.5.3", 1),
            Result("iam-password-length", "account", "pass", "2.5.4", 1, 2),
            Result("s3-encryption", "bucket-a", "error", "2.7.1"));
        var r = Ok(await RecordRun(app, org, a.Id, input));
        Assert.False(r.AlreadyRecorded);
        Assert.Equal(new StatusCounts(2, 1, 1, 0, 0), r.Run.Counts);
        Assert.Equal(["2.5.3", "2.5.4", "2.7.1"], r.ControlsLinked);
        Assert.Equal(1, r.Suggestions);
        Assert.Equal("iam.json", Assert.Single(r.Run.Inputs).Name);

        // The evidence version is the run's JSON, linked to every control the run evidences.
        var evidence = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetEvidence>().Handle(org, r.Run.EvidenceId!.Value, default)));
        Assert.Equal(AutomatedSources.Checks, evidence.Source);
        Assert.Equal(1, r.Run.EvidenceVersion);
        Assert.Equal(3, evidence.Uses);
        var control = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.5.3", default)));
        Assert.Contains(control.Evidence, e => e.EvidenceId == evidence.Id);

        // The same results again: the same run, nothing new.
        var again = Ok(await RecordRun(app, org, a.Id, input));
        Assert.True(again.AlreadyRecorded);
        Assert.Equal(r.Run.Id, again.Run.Id);
        Assert.Equal(1, await Count<AutomatedRun>(app, org));
        Assert.Equal(4, await Count<AutomatedResult>(app, org));
        Assert.Equal(5, await Count<AutomatedResultControl>(app, org));
        Assert.Equal(1, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.CountAsync(e => e.Action == AuditActions.AutomatedRunRecorded)));

        // Listing and the run's detail: failures first.
        var runs = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ListAutomatedRuns>().Handle(org, a.Id, null, default)));
        Assert.Equal(r.Run.Id, Assert.Single(runs).Id);
        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetAutomatedRun>().Handle(org, a.Id, r.Run.Id, null, null, null, default)));
        Assert.Equal(4, detail.TotalResults);
        Assert.Equal("fail", detail.Results[0].Status);
        Assert.Equal([1, 2], detail.Results.Single(x => x.RuleId == "iam-password-length").Controls.Single().CheckItems);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_run_over_the_configured_result_cap_is_refused_and_nothing_is_stored(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var limits = Microsoft.Extensions.Options.Options.Create(new Jikimi.Input.InputLimits { MaxRunResults = 2 });
        Task<Result<RecordedRunView>> Record(params AutomatedResultInput[] results) => app.Run(org.OrganizationId, sp =>
            ActivatorUtilities.CreateInstance<RecordAutomatedRun>(sp, limits).Handle(org, a.Id, Run(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), results), null, default));

        var refused = Fails<RecordedRunView, AutomatedTooManyResults>(await Record(Result("r", "x", "pass"), Result("r", "y", "fail"), Result("r", "z", "pass")));
        Assert.Contains("2", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Count<AutomatedRun>(app, org));
        Assert.Equal(0, await Count<Domain.Evidence.EvidenceItem>(app, org));
        Ok(await Record(Result("r", "x", "pass"), Result("r", "y", "fail")));
        Assert.Equal(1, await Count<AutomatedRun>(app, org));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failure_suggests_and_never_overwrites_what_a_person_recorded(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        await Record(app, org, a.Id, "2.5.3-1", "fulfilled");

        var r = Ok(await RecordRun(app, org, a.Id, Run(
            new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
            Result("iam-mfa-admin", "user/kim", "fail", "2.5.3", 1),
            Result("iam-mfa-admin", "user/lee", "pass", "2.5.3", 1),
            Result("iam-root-mfa", "root", "fail", "2.5.3", 2))));
        Assert.Equal(2, r.Suggestions);

        // The person's 이행 stands; the suggestions wait beside it.
        var control = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.5.3", default)));
        Assert.Equal("fulfilled", control.CheckItems.Single(i => i.CheckItemId == "2.5.3-1").Result);
        Assert.Equal("unassessed", control.CheckItems.Single(i => i.CheckItemId == "2.5.3-2").Result);
        var view = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControlAutomation>().Handle(org, a.Id, "2.5.3", default)));
        var first = view.Suggestions.Single(s => s.CheckItemId == "2.5.3-1");
        Assert.Equal(("partial", "pending", "fulfilled"), (first.Suggested, first.State, first.CurrentResult));
        var second = view.Suggestions.Single(s => s.CheckItemId == "2.5.3-2");
        Assert.Equal("not-fulfilled", second.Suggested);

        // Accepting writes the result (through a person); dismissing leaves the item alone; neither twice.
        var accepted = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<AcceptSuggestion>().Handle(org, a.Id, second.Id, new DecideSuggestionRequest(second.Version), default)));
        Assert.Equal(("accepted", "not-fulfilled"), (accepted.State, accepted.CurrentResult));
        var dismissed = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DismissSuggestion>().Handle(org, a.Id, first.Id, new DecideSuggestionRequest(first.Version), default)));
        Assert.Equal(("dismissed", "fulfilled"), (dismissed.State, dismissed.CurrentResult));
        Fails<SuggestionView, SuggestionNotPending>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<AcceptSuggestion>().Handle(org, a.Id, first.Id, new DecideSuggestionRequest(dismissed.Version), default)));
        control = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControl>().Handle(org, a.Id, "2.5.3", default)));
        Assert.Equal("fulfilled", control.CheckItems.Single(i => i.CheckItemId == "2.5.3-1").Result);
        Assert.Equal("not-fulfilled", control.CheckItems.Single(i => i.CheckItemId == "2.5.3-2").Result);
        Assert.Equal(1, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().AuditEvents.CountAsync(e => e.Action == AuditActions.SuggestionAccepted)));

        // A viewer may not decide.
        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Domain.Organizations.Role.Viewer);
        Fails<SuggestionView, Forbidden>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DismissSuggestion>().Handle(viewer, a.Id, first.Id, new DecideSuggestionRequest(0), default)));

        // A later run of the same series: a pending suggestion it judges again is superseded, and a new one stands.
        var later = Ok(await RecordRun(app, org, a.Id, Run(new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc), Result("iam-root-mfa", "root", "fail", "2.5.3", 2))));
        Assert.Equal(1, later.Suggestions);
        var next = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControlAutomation>().Handle(org, a.Id, "2.5.3", default)));
        Assert.Single(next.Suggestions, s => s.State == "pending");
        Assert.Equal("not-fulfilled", control.CheckItems.Single(i => i.CheckItemId == "2.5.3-2").Result);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Latest_per_control_trend_and_the_diff_of_two_runs(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var first = Ok(await RecordRun(app, org, a.Id, Run(
            new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            Result("mfa", "kim", "fail", "2.5.3", 1),
            Result("mfa", "lee", "fail", "2.5.3", 1),
            Result("mfa", "park", "pass", "2.5.3", 1),
            Result("root-key", "root", "fail", "2.5.3", 2))));
        var second = Ok(await RecordRun(app, org, a.Id, Run(
            new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
            Result("mfa", "kim", "pass", "2.5.3", 1),
            Result("mfa", "lee", "fail", "2.5.3", 1),
            Result("mfa", "park", "fail", "2.5.3", 1),
            Result("mfa", "choi", "fail", "2.5.3", 1))));

        var view = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetControlAutomation>().Handle(org, a.Id, "2.5.3", default)));
        var latest = Assert.Single(view.Latest);
        Assert.Equal((second.Run.Id, 1, 3), (latest.RunId, latest.Counts.Pass, latest.Counts.Fail));
        Assert.Equal(["choi", "lee", "park"], latest.Failing.Select(f => f.ResourceId).Order());
        Assert.Equal([(1, 3), (1, 3)], view.Trend.Select(t => (t.Pass, t.Fail)));
        Assert.Equal([first.Run.Id, second.Run.Id], view.Trend.Select(t => t.RunId));

        // Either order of ids: older → newer.
        var diff = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DiffAutomatedRuns>().Handle(org, a.Id, second.Run.Id, first.Run.Id, default)));
        Assert.Equal(first.Run.Id, diff.From.Id);
        Assert.Equal(["kim", "root"], diff.Fixed.Select(e => e.ResourceId));
        Assert.Equal("absent", diff.Fixed.Single(e => e.ResourceId == "root").After);
        Assert.Equal(["choi", "park"], diff.NewlyFailing.Select(e => e.ResourceId));
        Assert.Equal(["lee"], diff.StillFailing.Select(e => e.ResourceId));

        // Without a second id: the run before it in its series; the first run has none.
        var previous = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DiffAutomatedRuns>().Handle(org, a.Id, second.Run.Id, null, default)));
        Assert.Equal((first.Run.Id, 2), (previous.From.Id, previous.NewlyFailing.Count));
        Fails<RunDiffView, NoEarlierRun>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<DiffAutomatedRuns>().Handle(org, a.Id, first.Run.Id, null, default)));

        // Another organization sees none of it.
        var other = await app.CreateOrganizationAsync(await app.CreateUserAsync("b@b.kr", "비", systemAdministrator: true), "다른 회사");
        Fails<AutomatedRunDetail, NotFound>(await app.Run(other.OrganizationId, sp => sp.GetRequiredService<GetAutomatedRun>().Handle(other, a.Id, first.Run.Id, null, null, null, default)));
        Fails<RunDiffView, NotFound>(await app.Run(other.OrganizationId, sp => sp.GetRequiredService<DiffAutomatedRuns>().Handle(other, a.Id, first.Run.Id, second.Run.Id, default)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_bad_entry_is_refused_with_its_place_and_nothing_is_stored(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var e1 = Fails<RecordedRunView, AutomatedRunInvalid>(await RecordRun(app, org, a.Id, Run(now, Result("a", "x", "pass"), Result("b", "y", "failed-ish"))));
        Assert.Equal("results[1].status", e1.Where);
        var e2 = Fails<RecordedRunView, AutomatedRunInvalid>(await RecordRun(app, org, a.Id, Run(now, Result("a", "x", "fail", "2.5.3", 99))));
        Assert.Equal("results[0].controls[0].checkItems", e2.Where);
        var e3 = Fails<RecordedRunView, AutomatedRunInvalid>(await RecordRun(app, org, a.Id, Run(now, Result("a", "x", "fail", "9.9.9"))));
        Assert.Equal("results[0].controls[0]", e3.Where);
        Fails<RecordedRunView, AutomatedNothingInAssessment>(await RecordRun(app, org, a.Id, Run(now, new AutomatedResultInput("a", null, null, null, null, "x", "fail", null, []))));

        var viewer = await app.AddMemberAsync(org, await app.CreateUserAsync("viewer@a.kr", "뷰어"), Domain.Organizations.Role.Viewer);
        Fails<RecordedRunView, Forbidden>(await RecordRun(app, viewer, a.Id, Run(now, Result("a", "x", "fail"))));

        // A checks JSON cut short names the file and the line.
        var cut = Encoding.UTF8.GetBytes("{\n  \"ruleSetVersion\": \"1\",\n  \"results\": [ { \"ruleId\": \"a\", \"status\": \"fa");
        var unreadable = Fails<RecordedRunView, AutomatedFileUnreadable>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ImportCheckRun>().Handle(org, a.Id, new MemoryStream(cut), "checks.json", null, default)));
        Assert.Equal("checks.json", unreadable.File);
        Assert.StartsWith("line 3", unreadable.Where, StringComparison.Ordinal);
        var wrongKind = Fails<RecordedRunView, AutomatedFileUnreadable>(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ImportCheckRun>().Handle(org, a.Id, new MemoryStream("{\"Version\":\"2\",\"Statement\":[]}"u8.ToArray()), "policy.json", null, default)));
        Assert.Contains("results", wrongKind.Problem, StringComparison.Ordinal);

        Assert.Equal(0, await Count<AutomatedRun>(app, org));
        Assert.Equal(0, await Count<AutomatedResult>(app, org));
        Assert.Equal(0, await Count<AutomatedSuggestion>(app, org));
        Assert.Equal(0, await app.Run(org.OrganizationId, sp => sp.GetRequiredService<JikimiDb>().Evidence.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_checks_json_is_recorded_with_its_inputs_and_cleaned_details(string provider)
    {
        await using var app = await AppHarness.CreateAsync(provider);
        var (org, a) = await OrgWithAssessmentAsync(app);
        var json = """
            {
              "ruleSetVersion": "2026.12.0",
              "startedAt": "2026-11-01T01:02:03Z",
              "inputs": [ { "fileName": "aws/iam-credential-report.json", "sha256": "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f" } ],
              "results": [
                { "ruleId": "aws-iam-access-key-rotation", "titleKo": "액세스 키 90일 이내 교체", "titleEn": "Access keys rotated within 90 days", "severity": "medium",
                  "resourceType": "aws_iam_user", "resourceId": "arn:aws:iam::111122223333:user/deploy", "status": "fail",
                  "detail": "key AKIAIOSFODNN7EXAMPLE is 200 days old; owner kim@example.kr", "controls": [ { "controlId": "2.5.4", "checkItems": [1] } ] },
                { "ruleId": "aws-iam-password-policy-length", "severity": "high", "resourceType": "aws_account", "resourceId": "111122223333",
                  "status": "pass", "controls": [ { "controlId": "2.5.4", "checkItems": [1] } ] }
              ]
            }
            """;
        var r = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<ImportCheckRun>().Handle(org, a.Id, new MemoryStream(Encoding.UTF8.GetBytes(json)), "out.json", null, default)));
        Assert.Equal(("checks", "iam-credential-report.json", "2026.12.0"), (r.Run.Source, r.Run.Label, r.Run.RuleSetVersion));
        Assert.Equal(new DateTime(2026, 11, 1, 1, 2, 3, DateTimeKind.Utc), r.Run.RanAt);
        var detail = Ok(await app.Run(org.OrganizationId, sp => sp.GetRequiredService<GetAutomatedRun>().Handle(org, a.Id, r.Run.Id, "fail", null, null, default)));
        var failed = Assert.Single(detail.Results);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", failed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("kim@example.kr", failed.Detail, StringComparison.Ordinal);
        Assert.Contains("200 days old", failed.Detail, StringComparison.Ordinal);
    }
}
