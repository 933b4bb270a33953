using System.CommandLine;
using Jikimi.Cli.Infrastructure;
using Jikimi.Web;
using Microsoft.Extensions.Hosting;

namespace Jikimi.Cli.Server;

/// <summary>`jikimi serve`: the web application and REST API on 127.0.0.1:5080 by default.</summary>
public static class ServeCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (default http://127.0.0.1:5080).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "Seed a sample organization (partly assessed, with evidence) to explore." };
        var db = new DatabaseOptions();
        var cmd = new Command("serve", "Start the Jikimi server (REST API under /api/v1, OpenAPI at /openapi/v1.json, reference at /api/reference).") { urls, demo };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            var options = new JikimiHostOptions
            {
                Args = [$"--urls={p.GetValue(urls)}", .. db.HostArgs(p)],
                DataDirectory = common.DataDirOf(p),
                Demo = p.GetValue(demo),
                Announce = ctx.Out.WriteLine,
            };
            var app = HostSetup.Build(options);
            await HostSetup.InitializeAsync(app, options, ct);
            await app.StartAsync(ct);
            var url = app.Urls.First();
            await ctx.Out.WriteLineAsync($"Jikimi is listening on {string.Join(", ", app.Urls)} (data: {options.DataDirectory}). API reference: {url.TrimEnd('/')}/api/reference — Ctrl+C to stop.");
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
