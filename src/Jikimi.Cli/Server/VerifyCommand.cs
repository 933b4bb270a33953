using System.CommandLine;
using Jikimi.Application.AuditTrail;
using Jikimi.Cli.Infrastructure;
using Jikimi.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Server;

/// <summary>`jikimi verify audit-trail`: recompute every hash chain and report the first broken link.</summary>
public static class VerifyCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var db = new DatabaseOptions();
        var trail = new Command("audit-trail", "Check that no audit event was edited or deleted (hash chains per organization).");
        foreach (var o in db.All)
        {
            trail.Options.Add(o);
        }

        trail.SetAction(async (p, ct) =>
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
            var report = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail>().Handle(ct);
            var anchors = report.LatestAnchor is { } latest
                ? $"checked against {report.Anchors} anchors (latest {latest})"
                : "no audit anchor yet (the server writes one daily and with every report)";
            if (report.Intact)
            {
                await ctx.Out.WriteLineAsync($"audit trail intact: {report.Events:N0} events in {report.Chains} chains; {anchors}");
                return ExitCodes.Ok;
            }

            foreach (var b in report.Breaks)
            {
                await ctx.Out.WriteLineAsync($"BROKEN chain {b.Chain} at #{b.Sequence}{(b.EventId is { } id ? $" (event {id})" : string.Empty)}: {b.Problem}");
            }

            foreach (var a in report.AnchorProblems)
            {
                await ctx.Out.WriteLineAsync($"ANCHOR {a.File}: {a.Problem}");
            }

            await ctx.Out.WriteLineAsync($"audit trail BROKEN in {report.Breaks.Count} of {report.Chains} chains, {report.AnchorProblems.Count} anchors refused ({report.Events:N0} events checked; {anchors})");
            return ExitCodes.Failed;
        });
        var verify = new Command("verify", "Integrity checks.") { trail };
        return verify;
    }
}
