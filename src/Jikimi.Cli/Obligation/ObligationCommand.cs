using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Domain.Obligation;
using Spectre.Console;

namespace Jikimi.Cli.Obligation;

/// <summary>`jikimi obligation check`: must this organization hold ISMS? Pure rules, no database.</summary>
public static class ObligationCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // a misspelt field is an error, not a silent "no"
    };

    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var input = new Option<string>("--input", "-i") { Description = "JSON file with the organization's facts ('-' = standard input). Fields: docs/cli.md.", Required = true };
        var asOf = new Option<string>("--as-of") { Description = "Read the law as of this day (yyyy-MM-dd); overrides asOf in the file. Default: today." };
        var format = CommonOptions.Format("table", "table", "json");
        var check = new Command("check", "Is the organization obliged to hold ISMS certification (정보통신망법 제47조②)? Grounds, deadline, fine, simplified certification.") { input, asOf, format };
        check.SetAction(async (p, ct) =>
        {
            DateOnly? asOfDay = null;
            if (p.GetValue(asOf) is { } day)
            {
                asOfDay = DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new CliUsageException($"--as-of '{day}' is not a date (yyyy-MM-dd)");
            }

            var path = p.GetValue(input)!;
            string text;
            try
            {
                text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await ctx.Err.WriteLineAsync($"error: cannot read {path}: {ex.Message}");
                return ExitCodes.Failed;
            }

            ObligationInput facts;
            try
            {
                facts = JsonSerializer.Deserialize<ObligationInput>(text, Json) ?? new ObligationInput();
            }
            catch (JsonException ex)
            {
                await ctx.Err.WriteLineAsync($"error: {path} is not a valid input ({ex.Path ?? "$"}, line {(ex.LineNumber ?? 0) + 1}): {ex.Message.Split(". Path:")[0]}");
                return ExitCodes.Failed;
            }

            if (asOfDay is { } d)
            {
                facts = facts with { AsOf = d };
            }

            var today = DateOnly.FromDateTime(ctx.Clock.GetUtcNow().UtcDateTime);
            var result = ObligationCheck.Evaluate(facts, today);
            if (result.Error is { } e)
            {
                await ctx.Err.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Failed;
            }

            if (p.GetValue(format) == "json")
            {
                await ctx.Out.WriteLineAsync(JsonSerializer.Serialize(result.Value, Json));
            }
            else
            {
                WriteTable(ctx, result.Value!, common.LanguageOf(p));
            }

            return ExitCodes.Ok;
        });
        return new Command("obligation", "The ISMS obligation test (의무대상자).") { check };
    }

    private static void WriteTable(CliContext ctx, ObligationResult r, Language lang)
    {
        var won = System.Globalization.CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).AddColumn(lang.T("항목", "Item")).AddColumn(lang.T("결과", "Result"));
        table.AddRow(lang.T("기준일", "As of"), $"{r.AsOf:yyyy-MM-dd} ({lang.T("규칙", "rules")} {r.RuleSet})");
        table.AddRow(lang.T("의무대상", "Obliged"), r.Obliged ? lang.T("예", "yes") : lang.T("아니오", "no"));
        foreach (var g in r.Grounds)
        {
            table.AddRow(Markup.Escape(g.Code), Markup.Escape(lang == Language.Ko ? g.Basis : g.BasisEn));
        }

        if (r.Deadline is { } d)
        {
            table.AddRow(lang.T("인증 기한", "Deadline"), $"{d:yyyy-MM-dd}");
        }

        table.AddRow(lang.T("과태료 상한", "Maximum fine"), Markup.Escape($"{r.MaxFineKrw.ToString("N0", won)} KRW ({r.FineBasis})"));
        table.AddRow(lang.T("간편인증", "Simplified certification"), r.SimplifiedEligible
            ? Markup.Escape(lang.T($"가능 (별표 {r.SimplifiedSet!.Replace("-", "의", StringComparison.Ordinal)})", $"eligible (Annex {r.SimplifiedSet})"))
            : Markup.Escape(lang.T("불가: ", "not eligible: ") + string.Join(", ", r.SimplifiedExclusions)));
        foreach (var n in r.Notes)
        {
            table.AddRow(lang.T("참고", "Note"), Markup.Escape(n));
        }

        ctx.Console.Write(table);
    }
}
