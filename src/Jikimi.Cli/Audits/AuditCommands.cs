using System.CommandLine;
using System.Text.Json;
using Jikimi.Application.Audits;
using Jikimi.Application.Common;
using Jikimi.Application.Data;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Obligation;
using Jikimi.Cli.Server;
using Jikimi.Domain.Organizations;
using Jikimi.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Jikimi.Cli.Audits;

/// <summary>
/// `jikimi audit list|show` and `jikimi finding list [--overdue]`: read the certification cycle straight from the
/// database (whoever can read the database file or connection string is the instance operator). Read-only.
/// </summary>
public static class AuditCommands
{
    public static IEnumerable<Command> Build(CliContext ctx, CommonOptions common)
    {
        var db = new DatabaseOptions();
        var org = new Option<string>("--org") { Description = "Organization id or exact name (may be left out when there is only one)." };

        Command WithCommon(Command c)
        {
            c.Options.Add(org);
            foreach (var o in db.All)
            {
                c.Options.Add(o);
            }

            return c;
        }

        var listFormat = CommonOptions.Format("table", "table", "json");
        var list = WithCommon(new Command("list", "List the audits: kind, status, body, period, due day, findings.") { listFormat });
        list.SetAction((p, ct) => RunAsync(ctx, common, db, org, p, ct, async (sp, access) =>
        {
            var audits = await sp.GetRequiredService<ListAudits>().Handle(access, ct);
            if (p.GetValue(listFormat) == "json")
            {
                await ctx.Out.WriteLineAsync(JsonSerializer.Serialize(audits, ObligationCommand.Json));
                return ExitCodes.Ok;
            }

            var lang = common.LanguageOf(p);
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in new[] { "ID", lang.T("종류", "Kind"), lang.T("상태", "Status"), lang.T("기관", "Body"), lang.T("기간", "Period"), lang.T("기한", "Due"), lang.T("결함(미결/지연)", "Findings (open/overdue)") })
            {
                table.AddColumn(h);
            }

            foreach (var a in audits)
            {
                table.AddRow(Markup.Escape(a.Id.ToString()), a.Kind, a.Status + (a.Overdue ? " (!)" : string.Empty), Markup.Escape(a.Body ?? "-"),
                    a.PeriodStart is { } s ? $"{s:yyyy-MM-dd}–{a.PeriodEnd:yyyy-MM-dd}" : "-", a.DueBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    $"{a.Findings.Total} ({a.Findings.Open}/{a.Findings.Overdue})");
            }

            table.Caption = new TableTitle(Markup.Escape(lang.T($"심사 {audits.Count}건", $"{audits.Count} audits")));
            ctx.Console.Write(table);
            return ExitCodes.Ok;
        }));

        var auditId = new Argument<Guid>("audit-id") { Description = "The audit's id (from `jikimi audit list`)." };
        var showFormat = CommonOptions.Format("table", "table", "json");
        var show = WithCommon(new Command("show", "One audit with its findings.") { auditId, showFormat });
        show.SetAction((p, ct) => RunAsync(ctx, common, db, org, p, ct, async (sp, access) =>
        {
            var id = p.GetValue(auditId);
            var audit = await sp.GetRequiredService<GetAudit>().Handle(access, id, ct);
            if (audit.Error is { } e)
            {
                await ctx.Err.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Failed;
            }

            var findings = (await sp.GetRequiredService<ListFindings>().Handle(access, new FindingFilter(id, false, null), ct)).Value!;
            if (p.GetValue(showFormat) == "json")
            {
                await ctx.Out.WriteLineAsync(JsonSerializer.Serialize(new { audit = audit.Value, findings }, ObligationCommand.Json));
                return ExitCodes.Ok;
            }

            var a = audit.Value!;
            var lang = common.LanguageOf(p);
            var grid = new Table().Border(TableBorder.Rounded).AddColumn(lang.T("항목", "Field")).AddColumn(lang.T("값", "Value"));
            grid.AddRow(lang.T("종류", "Kind"), a.Kind);
            grid.AddRow(lang.T("상태", "Status"), a.Status + (a.Decision is { } d ? $" ({d})" : string.Empty));
            grid.AddRow(lang.T("기관", "Body"), Markup.Escape(a.Body ?? "-"));
            grid.AddRow(lang.T("심사팀", "Team"), Markup.Escape(a.Team ?? "-"));
            grid.AddRow(lang.T("기간", "Period"), a.PeriodStart is { } s ? $"{s:yyyy-MM-dd}–{a.PeriodEnd:yyyy-MM-dd}" : "-");
            grid.AddRow(lang.T("표본", "Sampling"), Markup.Escape(a.SamplingNotes ?? "-"));
            ctx.Console.Write(grid);
            WriteFindings(ctx, findings, lang);
            return ExitCodes.Ok;
        }));

        var overdue = new Option<bool>("--overdue") { Description = "Only findings past their correction deadline." };
        var byAudit = new Option<Guid?>("--audit") { Description = "Only this audit's findings." };
        var findFormat = CommonOptions.Format("table", "table", "json");
        var findList = WithCommon(new Command("list", "List findings (결함) with their correction deadlines.") { overdue, byAudit, findFormat });
        findList.SetAction((p, ct) => RunAsync(ctx, common, db, org, p, ct, async (sp, access) =>
        {
            var r = await sp.GetRequiredService<ListFindings>().Handle(access, new FindingFilter(p.GetValue(byAudit), p.GetValue(overdue), null), ct);
            if (r.Error is { } e)
            {
                await ctx.Err.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Failed;
            }

            if (p.GetValue(findFormat) == "json")
            {
                await ctx.Out.WriteLineAsync(JsonSerializer.Serialize(r.Value, ObligationCommand.Json));
            }
            else
            {
                WriteFindings(ctx, r.Value!, common.LanguageOf(p));
            }

            return ExitCodes.Ok;
        }));

        yield return new Command("audit", "Certification audits (read-only view of the database).") { list, show };
        yield return new Command("finding", "Audit findings and corrective actions (read-only view of the database).") { findList };
    }

    private static void WriteFindings(CliContext ctx, IReadOnlyList<FindingView> findings, Language lang)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in new[] { "#", lang.T("항목", "Control"), lang.T("심각도", "Severity"), lang.T("상태", "Status"), lang.T("기한", "Due"), lang.T("담당", "Owner"), lang.T("내용", "Description") })
        {
            table.AddColumn(h);
        }

        foreach (var f in findings)
        {
            table.AddRow(f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(f.CheckItemId ?? f.ControlId), f.Severity, f.Status,
                $"{f.CurrentDueOn:yyyy-MM-dd}" + (f.Overdue ? lang.T(" 지연", " OVERDUE") : string.Empty), Markup.Escape(f.Owner ?? "-"), Markup.Escape(f.Description));
        }

        table.Caption = new TableTitle(Markup.Escape(lang.T($"결함 {findings.Count}건", $"{findings.Count} findings")));
        ctx.Console.Write(table);
    }

    /// <summary>Opens the local database, picks the organization (--org) and runs the work as its administrator; exit 1 without a database, 2 when --org names none.</summary>
    internal static async Task<int> RunAsync(CliContext ctx, CommonOptions common, DatabaseOptions db, Option<string> orgOption, ParseResult p, CancellationToken ct, Func<IServiceProvider, OrgAccess, Task<int>> work)
    {
        var dataDir = common.DataDirOf(p);
        var hostArgs = db.HostArgs(p).ToArray();
        if (hostArgs.Length == 0 && !File.Exists(Path.Combine(dataDir, "jikimi.db")))
        {
            await ctx.Err.WriteLineAsync($"error: no database at {Path.Combine(dataDir, "jikimi.db")} (use --data-dir, or --database/--connection)");
            return ExitCodes.Failed;
        }

        await using var services = LocalServices.Build(hostArgs, dataDir);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var jdb = sp.GetRequiredService<JikimiDb>();
        var wanted = p.GetValue(orgOption)?.Trim();
        var orgs = await jdb.Organizations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var matches = wanted is null ? orgs : orgs.Where(o => o.Id.ToString() == wanted || o.Name == wanted).ToList();
        if (matches.Count != 1)
        {
            await ctx.Err.WriteLineAsync(matches.Count == 0
                ? $"error: no organization {(wanted is null ? "in this database" : $"'{wanted}'")}"
                : "error: several organizations; choose one with --org: " + string.Join(", ", matches.Select(o => $"{o.Id} ({o.Name})")));
            return ExitCodes.Usage;
        }

        jdb.UseTenant(matches[0].Id);
        return await work(sp, new OrgAccess(matches[0].Id, Role.Administrator, Actor.System));
    }
}
