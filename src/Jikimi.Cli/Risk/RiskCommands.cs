using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Cli.Infrastructure;
using Jikimi.Input;
using Spectre.Console;

namespace Jikimi.Cli.Risk;

/// <summary>`jikimi risk list`: a year's risks from a Jikimi server, highest first; --above-doa for those above the acceptable level.</summary>
public static class RiskCommands
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var risk = new Command("risk", "Risk assessment on a Jikimi server (1.2.3–1.2.4).");
        risk.Subcommands.Add(List(ctx, common));
        return risk;
    }

    private static Command List(CliContext ctx, CommonOptions common)
    {
        var api = new ApiOptions();
        var aboveDoa = new Option<bool>("--above-doa") { Description = "Only risks scoring above the acceptable level (DoA)." };
        var year = new Option<int?>("--year") { Description = "The risk assessment's year (default: the newest)." };
        var status = new Option<string>("--status") { Description = "open, planned, treated or accepted." };
        status.AcceptOnlyFromAmong("open", "planned", "treated", "accepted");
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var cmd = new Command("list", "List a year's risks, highest score first.") { aboveDoa, year, status, format };
        api.AddTo(cmd);
        cmd.SetAction(async (p, ct) =>
        {
            var lang = common.LanguageOf(p);
            using var conn = api.Connect(p);
            return await conn.RunAsync(ctx, lang, async () =>
            {
                using var list = await conn.GetAsync($"{conn.OrgPath}/risk/assessments", ct);
                if (!list.IsSuccessStatusCode)
                {
                    return await ApiConnection.FailAsync(list, ctx, lang, ct);
                }

                var assessments = JsonDocument.Parse(await list.Content.ReadAsStringAsync(ct)).RootElement.EnumerateArray().ToList();
                var wanted = p.GetValue(year);
                var ra = assessments.FirstOrDefault(a => wanted is null || a.GetProperty("year").GetInt32() == wanted);
                if (ra.ValueKind == JsonValueKind.Undefined)
                {
                    await ctx.Err.WriteLineAsync(wanted is null
                        ? lang.T("위험평가가 없습니다.", "There is no risk assessment yet.")
                        : lang.T($"{wanted}년 위험평가가 없습니다.", $"There is no risk assessment for {wanted}."));
                    return ExitCodes.Failed;
                }

                var items = new List<JsonElement>();
                int? doa = null;
                for (var page = 1; ; page++)
                {
                    var query = $"?page={page}&pageSize=500" + (p.GetValue(aboveDoa) ? "&aboveDoa=true" : string.Empty) + (p.GetValue(status) is { } s ? $"&status={s}" : string.Empty);
                    using var r = await conn.GetAsync($"{conn.OrgPath}/risk/assessments/{ra.GetProperty("id").GetGuid()}/risks{query}", ct);
                    if (!r.IsSuccessStatusCode)
                    {
                        return await ApiConnection.FailAsync(r, ctx, lang, ct);
                    }

                    var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync(ct)).RootElement.Clone();
                    doa = body.GetProperty("acceptableLevel").ValueKind == JsonValueKind.Number ? body.GetProperty("acceptableLevel").GetInt32() : null;
                    items.AddRange(body.GetProperty("items").EnumerateArray());
                    if (items.Count >= body.GetProperty("total").GetInt32() || body.GetProperty("items").GetArrayLength() == 0)
                    {
                        break;
                    }
                }

                Write(ctx, p.GetValue(format)!, items, ra.GetProperty("year").GetInt32(), doa, ra.GetProperty("doaApproved").GetBoolean(), lang);
                return ExitCodes.Ok;
            });
        });
        return cmd;
    }

    private static void Write(CliContext ctx, string format, List<JsonElement> items, int year, int? doa, bool approved, Language lang)
    {
        string S(JsonElement e, string name) => e.GetProperty(name).ValueKind switch
        {
            JsonValueKind.String => e.GetProperty(name).GetString()!,
            JsonValueKind.Number => e.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => string.Empty,
        };
        string Threat(JsonElement e) => lang == Language.Ko ? S(e, "threatNameKo") : S(e, "threatNameEn");
        switch (format)
        {
            case "json":
                ctx.Out.WriteLine(JsonSerializer.Serialize(new { year, acceptableLevel = doa, doaApproved = approved, risks = items }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                break;
            case "csv":
                ctx.Out.WriteLine("id,asset,assetName,threat,vulnerability,controlId,assetValue,threatLevel,vulnerabilityLevel,score,aboveDoa,strategy,status,owner,dueDate,residualScore");
                foreach (var e in items)
                {
                    ctx.Out.WriteLine(CsvWriter.Line([S(e, "id"), S(e, "assetCode"), S(e, "assetName"), Threat(e), S(e, "vulnerability"), S(e, "controlId"), S(e, "assetValue"), S(e, "threatLevel"), S(e, "vulnerabilityLevel"), S(e, "score"), S(e, "aboveDoa"), S(e, "strategy"), S(e, "status"), S(e, "ownerName"), S(e, "dueDate"), S(e, "residualScore")]));
                }

                break;
            default:
                var table = new Table().Border(TableBorder.Rounded)
                    .AddColumn(lang.T("자산", "Asset")).AddColumn(lang.T("위협", "Threat")).AddColumn(lang.T("취약성", "Vulnerability"))
                    .AddColumn(new TableColumn(lang.T("위험도", "Score")).RightAligned()).AddColumn(lang.T("DoA 초과", "Above DoA"))
                    .AddColumn(lang.T("처리", "Treatment")).AddColumn(lang.T("상태", "Status")).AddColumn(lang.T("기한", "Due"));
                foreach (var e in items)
                {
                    table.AddRow(
                        Markup.Escape($"{S(e, "assetCode")} {S(e, "assetName")}"), Markup.Escape(Threat(e)), Markup.Escape(S(e, "vulnerability")), S(e, "score"),
                        e.GetProperty("aboveDoa").GetBoolean() ? lang.T("예", "yes") : string.Empty, S(e, "strategy"), S(e, "status"), S(e, "dueDate"));
                }

                ctx.Console.Write(table);
                var level = doa is { } d ? d.ToString(CultureInfo.InvariantCulture) + (approved ? string.Empty : lang.T(" (미승인)", " (not approved)")) : lang.T("미설정", "not set");
                ctx.Out.WriteLine(lang.T($"{year}년 위험 {items.Count}건, 허용 수준(DoA) {level}", $"{year}: {items.Count} risk(s), acceptable level (DoA) {level}"));
                break;
        }
    }
}
