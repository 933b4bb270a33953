using System.CommandLine;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Server;
using Jikimi.Application.Automation.Prowler;
using Jikimi.Reports.Statement;
using Jikimi.Reports.Xlsx;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Documents;

/// <summary>`jikimi import statement &lt;file&gt;`, `jikimi import prowler &lt;file&gt; --org &lt;org&gt;` and `jikimi import azure-policy` (<see cref="AzurePolicyImport"/>).</summary>
public static class ImportCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var import = new Command("import", "Bring documents in: an edited operation statement, Prowler results, Azure Policy compliance states.");
        import.Subcommands.Add(Statement(ctx, common));
        import.Subcommands.Add(Prowler(ctx, common));
        import.Subcommands.Add(AzurePolicyImport.Build(ctx, common));
        return import;
    }

    private static Command Statement(CliContext ctx, CommonOptions common)
    {
        var file = new Argument<FileInfo>("file") { Description = "The XLSX file (as exported by `jikimi report statement`, then edited)." };
        var org = new Option<string>("--org") { Description = "Organization id or exact name (default: the one named in the file)." };
        var assessment = new Option<string>("--assessment") { Description = "Assessment id or year (default: the one named in the file)." };
        var db = new DatabaseOptions();
        var cmd = new Command("statement", "Import an operation statement XLSX; any problem refuses the whole file and is listed with its cell.") { file, org, assessment };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            var path = new FileInfo(InputFile.Require(p.GetValue(file)!.FullName, common.LanguageOf(p)));

            await using var ws = LocalWorkspace.Open(ctx, common, db, p);
            if (ws is null)
            {
                return ExitCodes.Failed;
            }

            var limits = ws.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Jikimi.Input.InputLimits>>().Value;
            var orgText = p.GetValue(org) ?? OrganizationInFile(path.FullName, limits)
                ?? throw new CliUsageException("the file names no organization (no 'About' sheet); pass --org");

            var access = await ws.OrganizationAsync(orgText, ct);
            Guid? target = p.GetValue(assessment) is { } a ? await ws.AssessmentAsync(a, ct) : null;
            await using var stream = path.OpenRead();
            var r = await ws.Services.GetRequiredService<ImportStatement>().Handle(access, target, stream, ct);
            if (r.Error is StatementRejected rejected)
            {
                await ctx.Err.WriteLineAsync($"statement NOT imported ({rejected.Problems.Count} problems); nothing was changed:");
                foreach (var problem in rejected.Problems)
                {
                    await ctx.Err.WriteLineAsync($"  {problem.Cell ?? "-",-6} {problem.Code}: {problem.Message}");
                }

                return ExitCodes.Failed;
            }

            if (r.Error is { } e)
            {
                await ctx.Err.WriteLineAsync($"error: {e.Code}: {e.Message}");
                return ExitCodes.Failed;
            }

            await ctx.Out.WriteLineAsync($"imported {r.Value!.Rows} rows: {r.Value.Changed} controls changed, {r.Value.Unchanged} unchanged");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Prowler(CliContext ctx, CommonOptions common)
    {
        var file = new Argument<FileInfo>("file") { Description = "Prowler output: JSON-OCSF (*.ocsf.json) or CSV (v4+, semicolon-separated)." };
        var org = new Option<string>("--org") { Description = "Organization id or exact name.", Required = true };
        var assessment = new Option<string>("--assessment") { Description = "Assessment id or year (default: the newest)." };
        var db = new DatabaseOptions();
        var cmd = new Command("prowler", "Attach Prowler results as automated evidence to the mapped ISMS-P controls (the same results twice change nothing).") { file, org, assessment };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            var path = new FileInfo(InputFile.Require(p.GetValue(file)!.FullName, common.LanguageOf(p)));

            await using var ws = LocalWorkspace.Open(ctx, common, db, p);
            if (ws is null)
            {
                return ExitCodes.Failed;
            }

            var access = await ws.OrganizationAsync(p.GetValue(org)!, ct);
            var target = await ws.AssessmentAsync(p.GetValue(assessment), ct);
            await using var stream = path.OpenRead();
            var r = await ws.Services.GetRequiredService<ImportProwler>().Handle(access, target, stream, ct);
            var lang = common.LanguageOf(p);
            if (r.Error is ProwlerNothingMapped refused)
            {
                await ctx.Err.WriteLineAsync(lang.T(
                    $"오류: {refused.Code}: ISMS-P 통제에 매핑되는 점검 결과가 없어 가져오지 않았습니다. 아무것도 저장하지 않았습니다.",
                    $"error: {refused.Code}: no finding maps to an ISMS-P control; not imported, nothing was stored."));
                await WriteCountsAsync(ctx.Err, refused.Counts, lang);
                return ExitCodes.Failed;
            }

            if (r.Error is { } e)
            {
                await ctx.Err.WriteLineAsync($"error: {e.Code}: {e.Message}");
                return ExitCodes.Failed;
            }

            var v = r.Value!;
            await ctx.Out.WriteLineAsync(v.AlreadyImported
                ? $"already imported (evidence {v.EvidenceId}); nothing changed"
                : $"imported {v.Findings} findings ({v.Pass} pass, {v.Fail} fail) as evidence {v.EvidenceId} on {v.Controls.Count - v.NotInAssessment.Count} controls");
            await WriteCountsAsync(ctx.Out, v.Counts, lang);
            foreach (var c in v.Controls)
            {
                await ctx.Out.WriteLineAsync($"  {c.ControlId,-7} pass {c.Pass,4}  fail {c.Fail,4}{(v.NotInAssessment.Contains(c.ControlId) ? "  (not in this assessment)" : string.Empty)}");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>found / mapped / unmapped (with the reason per provider) / manual / muted.</summary>
    private static async Task WriteCountsAsync(TextWriter w, ProwlerCounts c, Jikimi.Catalog.Model.Language lang)
    {
        await w.WriteLineAsync(lang.T(
            $"  발견 {c.Found} · 매핑 {c.Mapped} · 매핑 안 됨 {c.Unmapped} · 수동(MANUAL) {c.Manual} · 음소거 {c.Muted} ({c.Format})",
            $"  found {c.Found} · mapped {c.Mapped} · unmapped {c.Unmapped} · manual {c.Manual} · muted {c.Muted} ({c.Format})"));
        foreach (var u in c.UnmappedBy)
        {
            await w.WriteLineAsync($"  {lang.T("매핑 안 됨", "unmapped")} {u.Findings}: {u.Explain(lang == Jikimi.Catalog.Model.Language.Ko)}" + (u.Checks.Count > 0 ? $" [{string.Join(", ", u.Checks)}]" : string.Empty));
        }
    }

    /// <summary>The organization id the exported file names on its About sheet, if any.</summary>
    private static string? OrganizationInFile(string path, Jikimi.Input.InputLimits limits)
    {
        using var s = File.OpenRead(path);
        var (about, _) = XlsxReader.Read(s, StatementLayout.IsAboutSheet, "About", limits);
        return about?.Rows.Values.Where(r => r.GetValueOrDefault(1)?.Text.Trim() == StatementLayout.OrganizationKey)
            .Select(r => r.GetValueOrDefault(2)?.Text.Trim()).FirstOrDefault(v => Guid.TryParse(v, out _));
    }
}
