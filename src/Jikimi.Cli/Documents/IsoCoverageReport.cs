using System.CommandLine;
using System.Text.Json;
using Jikimi.Application.Assessments;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Cli.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Jikimi.Cli.Documents;

/// <summary>
/// `jikimi report iso-coverage --org O [--assessment A] [--framework F] [--format text|json]`: which ISO controls the
/// assessment's evidence covers through the crosswalk, and what ISMS-P asks beyond them (the API's iso-coverage).
/// </summary>
public static class IsoCoverageReport
{
    public static readonly string[] Frameworks = ["iso27001-2022", "iso27017-2015", "iso27018-2019"];

    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var org = new Option<string>("--org") { Description = "Organization id or exact name.", Required = true };
        var assessment = new Option<string>("--assessment") { Description = "Assessment id or year (default: the newest)." };
        var framework = new Option<string>("--framework") { Description = "iso27001-2022 (default), iso27017-2015 or iso27018-2019.", DefaultValueFactory = _ => Frameworks[0] };
        framework.AcceptOnlyFromAmong(Frameworks);
        var format = CommonOptions.Format("text", "text", "json");
        var db = new DatabaseOptions();
        var cmd = new Command("iso-coverage", "ISO/IEC 27001 (27017, 27018) coverage of an assessment: ISO controls its evidence covers, ISMS-P controls beyond ISO.") { org, assessment, framework, format };
        foreach (var o in db.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(async (p, ct) =>
        {
            await using var ws = LocalWorkspace.Open(ctx, common, db, p);
            if (ws is null)
            {
                return ExitCodes.Failed;
            }

            var access = await ws.OrganizationAsync(p.GetValue(org)!, ct);
            var id = await ws.AssessmentAsync(p.GetValue(assessment), ct);
            var r = await ws.Services.GetRequiredService<GetIsoCoverage>().Handle(access, id, p.GetValue(framework), ct);
            if (r.Error is { } e)
            {
                await ctx.Err.WriteLineAsync($"error: {e.Code}: {e.Message}");
                return ExitCodes.Failed;
            }

            if (p.GetValue(format) == "json")
            {
                await ctx.Out.WriteLineAsync(JsonSerializer.Serialize(r.Value, CatalogJson.Options));
                return ExitCodes.Ok;
            }

            await WriteTextAsync(ctx.Out, r.Value!, common.LanguageOf(p));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static async Task WriteTextAsync(TextWriter w, IsoCoverageView v, Jikimi.Catalog.Model.Language lang)
    {
        await w.WriteLineAsync(lang.T($"{v.NameKo}: 증적이 있는 통제 {v.Covered} / {v.Total}", $"{v.NameEn}: {v.Covered} of {v.Total} controls have evidence"));
        foreach (var c in v.Controls)
        {
            var mapped = string.Join(", ", c.Controls.Select(m => $"{m.ControlId} ({m.Relation}, {m.Evidence})"));
            await w.WriteLineAsync($"  {(c.Covered ? "[x]" : "[ ]")} {c.Id,-6} {(mapped.Length == 0 ? "-" : mapped)}");
        }

        await w.WriteLineAsync(lang.T($"ISO 밖에서 ISMS-P가 더 요구하는 통제 ({v.BeyondIso.Count}):", $"What ISMS-P asks beyond ISO ({v.BeyondIso.Count}):"));
        await w.WriteLineAsync("  " + string.Join(", ", v.BeyondIso));
    }
}
