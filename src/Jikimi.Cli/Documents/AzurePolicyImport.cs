using System.CommandLine;
using Jikimi.Application.Automation.AzurePolicy;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Documents;

/// <summary>
/// `jikimi import azure-policy &lt;file&gt; --org O [--assessment A]`: the K ISMS P 2023 initiative's compliance states
/// (`az policy state list` JSON or Defender's regulatory-compliance export) as an azure_policy run (ADR 0060).
/// </summary>
public static class AzurePolicyImport
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var file = new Argument<FileInfo>("file") { Description = "The JSON of `az policy state list` for the K ISMS P 2023 assignment, or `az security regulatory-compliance-controls list`." };
        var org = new Option<string>("--org") { Description = "Organization id or exact name.", Required = true };
        var assessment = new Option<string>("--assessment") { Description = "Assessment id or year (default: the newest)." };
        var db = new DatabaseOptions();
        var cmd = new Command("azure-policy", "Record the K ISMS P 2023 Azure Policy compliance states as automated evidence on the mapped ISMS-P controls; failures only suggest (the same file twice changes nothing).") { file, org, assessment };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            var path = new FileInfo(InputFile.Require(p.GetValue(file)!.FullName, lang));
            await using var ws = LocalWorkspace.Open(ctx, common, db, p);
            if (ws is null)
            {
                return ExitCodes.Failed;
            }

            var access = await ws.OrganizationAsync(p.GetValue(org)!, ct);
            var target = await ws.AssessmentAsync(p.GetValue(assessment), ct);
            await using var stream = path.OpenRead();
            var r = await ws.Services.GetRequiredService<ImportAzurePolicy>().Handle(access, target, stream, path.Name, ct);
            if (r.Error is AzurePolicyNothingMapped refused)
            {
                await ctx.Err.WriteLineAsync(lang.T(
                    $"오류: {refused.Code}: ISMS-P 2023 통제에 매핑되는 준수 상태가 없어 가져오지 않았습니다. 아무것도 저장하지 않았습니다.",
                    $"error: {refused.Code}: no compliance state maps to an ISMS-P 2023 control; not imported, nothing was stored."));
                await WriteCountsAsync(ctx.Err, refused.Counts, lang);
                return ExitCodes.Failed;
            }

            if (r.Error is { } e)
            {
                await ctx.Err.WriteLineAsync($"error: {e.Code}: {e.Message}");
                return ExitCodes.Failed;
            }

            var v = r.Value!.Recorded;
            var n = v.Run.Counts;
            await ctx.Out.WriteLineAsync(v.AlreadyRecorded
                ? lang.T($"이미 가져온 결과입니다 (실행 {v.Run.Id}); 바뀐 것은 없습니다", $"already imported (run {v.Run.Id}); nothing changed")
                : lang.T(
                    $"가져왔습니다: 실행 {v.Run.Id} — 준수 {n.Pass} · 미준수 {n.Fail} · 면제 {n.NotApplicable} · 기타 {n.Manual}, 통제 {v.ControlsLinked.Count}개, 제안 {v.Suggestions}건 (결과는 사람이 기록합니다)",
                    $"imported run {v.Run.Id}: {n.Pass} compliant · {n.Fail} non-compliant · {n.NotApplicable} exempt · {n.Manual} other, on {v.ControlsLinked.Count} controls, {v.Suggestions} suggestions (people record the results)"));
            await WriteCountsAsync(ctx.Out, r.Value.Counts, lang);
            if (v.NotInAssessment.Count > 0)
            {
                await ctx.Out.WriteLineAsync(lang.T("  이 평가에 없는 통제: ", "  controls not in this assessment: ") + string.Join(", ", v.NotInAssessment));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>found / mapped / unmapped, and the unmapped groups with their reason.</summary>
    private static async Task WriteCountsAsync(TextWriter w, AzurePolicyCounts c, Language lang)
    {
        await w.WriteLineAsync(lang.T(
            $"  발견 {c.Found} · 매핑 {c.Mapped} · 매핑 안 됨 {c.Unmapped} ({c.Format})",
            $"  found {c.Found} · mapped {c.Mapped} · unmapped {c.Unmapped} ({c.Format})"));
        foreach (var u in c.UnmappedBy)
        {
            await w.WriteLineAsync($"  {lang.T("매핑 안 됨", "unmapped")} {u.States}: {u.Explain(lang == Language.Ko)}");
        }
    }
}
