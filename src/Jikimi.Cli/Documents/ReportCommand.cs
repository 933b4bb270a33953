using System.CommandLine;
using Jikimi.Application.AuditTrail;
using Jikimi.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Server;
using Jikimi.Domain.Common;
using Jikimi.Reports.Common;
using Jikimi.Reports.Findings;
using Jikimi.Reports.Oscal;
using Jikimi.Reports.Readiness;
using Jikimi.Reports.Statement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jikimi.Cli.Documents;

/// <summary>
/// `jikimi report statement|readiness|oscal --org &lt;org&gt; --format … --out &lt;file&gt;` and
/// `jikimi report findings --org &lt;org&gt; --audit &lt;id&gt; --format pdf|html --out &lt;file&gt;` and
/// `jikimi report oscal-catalog --out &lt;file&gt;`: the same documents the API serves, from the local database.
/// </summary>
public static class ReportCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var report = new Command("report", "Documents: the operation statement (XLSX), the readiness report (HTML/PDF), OSCAL JSON.");
        report.Subcommands.Add(Document(ctx, common, "statement", "The operation statement (운영명세서) as XLSX.", "xlsx", ["xlsx"]));
        report.Subcommands.Add(Document(ctx, common, "readiness", "The readiness report for management as PDF or HTML.", "pdf", ["pdf", "html"]));
        report.Subcommands.Add(Document(ctx, common, "oscal", "The assessment as OSCAL 1.0.4 assessment results (JSON).", "json", ["json"]));
        report.Subcommands.Add(FindingsReport(ctx, common));
        report.Subcommands.Add(Catalog(ctx, common));
        report.Subcommands.Add(IsoCoverageReport.Build(ctx, common));
        return report;
    }

    private static Option<string> Out() => new("--out", "-o") { Description = "The file to write.", Required = true };

    private static Command Document(CliContext ctx, CommonOptions common, string name, string description, string defaultFormat, string[] formats)
    {
        var org = new Option<string>("--org") { Description = "Organization id or exact name.", Required = true };
        var assessment = new Option<string>("--assessment") { Description = "Assessment id or year (default: the newest)." };
        var format = CommonOptions.Format(defaultFormat, formats);
        var output = Out();
        var db = new DatabaseOptions();
        var cmd = new Command(name, description) { org, assessment, format, output };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            using var target = OutputFile.Prepare(p.GetValue(output)!, common.LanguageOf(p));
            await using var ws = LocalWorkspace.Open(ctx, common, db, p);
            if (ws is null)
            {
                return ExitCodes.Failed;
            }

            var access = await ws.OrganizationAsync(p.GetValue(org)!, ct);
            var id = await ws.AssessmentAsync(p.GetValue(assessment), ct);
            var lang = common.LanguageOf(p);
            var sp = ws.Services;
            Result<ReportFile> file = name switch
            {
                "statement" => await sp.GetRequiredService<ExportStatement>().Handle(access, id, lang, ct),
                "readiness" => await sp.GetRequiredService<BuildReadinessReport>().Handle(access, id, lang, p.GetValue(format) == "html" ? ReportFormat.Html : ReportFormat.Pdf, ct),
                _ => await sp.GetRequiredService<ExportOscalResults>().Handle(access, id, lang, ct),
            };
            return await WriteAsync(ctx, file, target, ct, sp);
        });
        return cmd;
    }

    private static Command FindingsReport(CliContext ctx, CommonOptions common)
    {
        var org = new Option<string>("--org") { Description = "Organization id or exact name.", Required = true };
        var audit = new Option<Guid>("--audit") { Description = "The audit id (see `jikimi audit list`).", Required = true };
        var format = CommonOptions.Format("pdf", ["pdf", "html"]);
        var output = Out();
        var db = new DatabaseOptions();
        var cmd = new Command("findings", "The findings report (결함보고서) of one audit, with the corrective actions, as PDF or HTML.") { org, audit, format, output };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            using var target = OutputFile.Prepare(p.GetValue(output)!, common.LanguageOf(p));
            await using var ws = LocalWorkspace.Open(ctx, common, db, p);
            if (ws is null)
            {
                return ExitCodes.Failed;
            }

            var access = await ws.OrganizationAsync(p.GetValue(org)!, ct);
            var file = await ws.Services.GetRequiredService<BuildFindingsReport>()
                .Handle(access, p.GetValue(audit), common.LanguageOf(p), p.GetValue(format) == "html" ? ReportFormat.Html : ReportFormat.Pdf, ct);
            return await WriteAsync(ctx, file, target, ct, ws.Services);
        });
        return cmd;
    }

    private static Command Catalog(CliContext ctx, CommonOptions common)
    {
        var edition = CommonOptions.Edition("2023");
        var output = Out();
        var cmd = new Command("oscal-catalog", "A criteria edition as an OSCAL 1.0.4 catalog (JSON); needs no database.") { edition, output };
        cmd.SetAction(async (p, ct) =>
        {
            var e = CriteriaCatalog.Embedded[CommonOptions.ParseEdition(p.GetValue(edition))];
            using var target = OutputFile.Prepare(p.GetValue(output)!, common.LanguageOf(p));
            var file = new ReportFile(OscalCatalog.Export(e, common.LanguageOf(p)), ReportFile.Json, "catalog.json");
            return await WriteAsync(ctx, file, target, ct);
        });
        return cmd;
    }

    /// <summary>Writes to the prepared temporary file, then renames: a failed run never leaves half a file, nor the temporary one.</summary>
    /// <param name="anchorWith">The workspace's services: a written report also anchors the audit chains' heads (ADR 0052).</param>
    internal static async Task<int> WriteAsync(CliContext ctx, Result<ReportFile> file, OutputFile target, CancellationToken ct, IServiceProvider? anchorWith = null)
    {
        if (file.Error is { } e)
        {
            await ctx.Err.WriteLineAsync($"error: {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }

        await target.Stream.WriteAsync(file.Value!.Content, ct);
        target.Commit();
        await ctx.Out.WriteLineAsync($"wrote {target.Path} ({file.Value.Content.Length:N0} bytes, {file.Value.ContentType})");
        if (anchorWith is not null && anchorWith.GetRequiredService<IOptions<AuditAnchorOptions>>().Value.Enabled)
        {
            try
            {
                await using var scope = anchorWith.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<AnchorAuditTrail>().Handle(ct) is { } anchored)
                {
                    await ctx.Out.WriteLineAsync($"anchored the audit trail: {anchored.Path}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                // The report is written; say plainly that the anchor is not (exit code unchanged).
                await ctx.Err.WriteLineAsync($"warning: audit anchor not written ({ex.GetType().Name}); check AuditAnchors:Directory and that this user may read <data-dir>/keys/audit-anchor.key");
            }
        }

        return ExitCodes.Ok;
    }
}
