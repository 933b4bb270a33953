using System.CommandLine;
using System.Text.Json;
using Jikimi.Catalog;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Prowler;
using Jikimi.Cli.Infrastructure;
using Spectre.Console;

namespace Jikimi.Cli.Catalog;

/// <summary>`jikimi catalog show &lt;id&gt;`: one control with criterion, check items, evidence, laws and crosswalk.</summary>
public static class ShowCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var id = new Argument<string>("id") { Description = "Control id, e.g. 2.5.4 (of the chosen edition)." };
        var edition = CommonOptions.Edition("2023");
        var format = CommonOptions.Format("text", "text", "json");
        var noOfficial = new Option<bool>("--no-official") { Description = "Do not show imported official wording." };
        var cmd = new Command("show", "Show one control: criterion, check items, evidence, laws, crosswalk.") { id, edition, format, noOfficial };
        cmd.SetAction(p =>
        {
            var catalog = CatalogCommands.Catalog;
            var ed = catalog[CommonOptions.ParseEdition(p.GetValue(edition))];
            var control = CatalogCommands.FindOrSuggest(ed, p.GetValue(id)!);
            var lang = common.LanguageOf(p);
            IReadOnlyList<OfficialWordingLayer> layers = [];
            if (!p.GetValue(noOfficial) && ed.Id == EditionId.IsmsP2023)
            {
                layers = new OverlayStore(common.DataDirOf(p)).LoadAll(out var problems);
                foreach (var problem in problems)
                {
                    ctx.Err.WriteLine("warning: " + problem);
                }
            }

            if (p.GetValue(format) == "json")
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(CatalogJson.ToDto(ed, control, catalog, layers), CatalogJson.Options));
            }
            else
            {
                Render(ctx.Console, catalog, ed, control, layers, lang);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    internal static void Render(IAnsiConsole console, CriteriaCatalog catalog, Edition ed, Control c, IReadOnlyList<OfficialWordingLayer> layers, Language lang)
    {
        var sub = ed.Subdomains.First(s => s.Id == c.SubdomainId);
        var domain = ed.Domains.First(d => d.Id == c.DomainId);
        console.Write(new Rule($"[bold]{Markup.Escape($"{c.Id} {c.Title[lang]}")}[/]").LeftJustified());
        var meta = new Grid().AddColumn().AddColumn();
        meta.AddRow(lang.T("기준", "Edition"), Markup.Escape(ed.Name[lang]));
        meta.AddRow(lang.T("영역", "Domain"), Markup.Escape($"{domain.Id}. {domain.Title[lang]}"));
        meta.AddRow(lang.T("분야", "Sub-domain"), Markup.Escape($"{sub.Id} {sub.Title[lang]}"));
        meta.AddRow(lang.T("항목명", "Title"), Markup.Escape($"{c.Title.Ko} / {c.Title.En}"));
        meta.AddRow(lang.T("적용", "Applies to"), c.AppliesTo == AppliesTo.Isms ? "ISMS, ISMS-P" : lang.T("ISMS-P 전용", "ISMS-P only"));
        if (c.Confidence is { } conf)
        {
            meta.AddRow(lang.T("출처 신뢰도", "Source confidence"), Markup.Escape(conf == "M" ? lang.T("M (미검증)", "M (unverified)") : lang.T("S (2차 출처)", "S (secondary source)")));
        }

        if (c.Source is { } source)
        {
            meta.AddRow(lang.T("확인한 출처", "Sources checked"), Markup.Escape(source));
        }

        console.Write(meta);
        if (c.Criterion is { } criterion)
        {
            Section(console, lang.T("인증기준 (Jikimi 요약)", "Criterion (Jikimi summary)"));
            console.WriteLine(criterion[lang]);
        }

        if (c.CheckItems.Count > 0)
        {
            Section(console, lang.T($"주요 확인사항 ({c.CheckItems.Count})", $"Check items ({c.CheckItems.Count})"));
            foreach (var i in c.CheckItems)
            {
                console.WriteLine($"  {i.Id}  {i.Text[lang]}");
            }
        }
        else if (c.CheckItemCount > 0)
        {
            Section(console, lang.T($"주요 확인사항: {c.CheckItemCount}개", $"Check items: {c.CheckItemCount}"));
        }

        if (c.Evidence.Count > 0)
        {
            Section(console, lang.T("증적 예시", "Typical evidence"));
            foreach (var e in c.Evidence)
            {
                console.WriteLine($"  - {e[lang]}");
            }
        }

        if (c.Laws.Count > 0)
        {
            Section(console, lang.T("관련 법규", "Related laws"));
            foreach (var l in c.Laws)
            {
                console.WriteLine($"  - {l.Format(lang)}");
            }
        }

        var relations = catalog.RelationsOf(c.Ref).ToList();
        if (relations.Count > 0)
        {
            Section(console, lang.T("다른 기준과의 대응", "Crosswalk"));
            foreach (var (cw, entry, reversed) in relations)
            {
                var other = catalog[reversed ? cw.From : cw.To];
                var ids = reversed ? (entry.FromId is null ? [] : [entry.FromId]) : entry.ToIds;
                var names = ids.Count == 0 ? lang.T("(대응 항목 없음)", "(none)") : string.Join(", ", ids.Select(i => $"{i} {other.Find(i)?.Title[lang]}"));
                var kind = KindLabel(entry.Kind, lang);
                var note = (entry.Note[lang] + ConfidenceLabel(entry.Confidence, lang)).Trim();
                console.WriteLine($"  {other.Id.ShortName,-5} {kind}: {names}{(note.Length > 0 ? " — " + note : string.Empty)}");
            }
        }

        foreach (var layer in layers.Where(l => l.Controls.ContainsKey(c.Id)))
        {
            var w = layer.Controls[c.Id];
            Section(console, lang.T(OfficialWordingLayer.LabelKo, OfficialWordingLayer.Label) + $" [{layer.Language.ToString().ToLowerInvariant()}]");
            console.WriteLine(w.Description);
            foreach (var (item, n) in w.CheckItems.Select((x, n) => (x, n + 1)))
            {
                console.WriteLine($"  {n}. {item}");
            }

            if (w.AwsChecks.Count > 0)
            {
                console.WriteLine(lang.T($"  AWS 점검 {w.AwsChecks.Count}개: ", $"  {w.AwsChecks.Count} AWS checks: ") + string.Join(", ", w.AwsChecks.Take(8)) + (w.AwsChecks.Count > 8 ? ", …" : string.Empty));
            }
        }
    }

    public static string KindLabel(CrosswalkKind kind, Language lang) => kind switch
    {
        CrosswalkKind.Same => lang.T("동일", "same"),
        CrosswalkKind.Renamed => lang.T("명칭 변경", "renamed"),
        CrosswalkKind.Moved => lang.T("번호 이동", "moved"),
        CrosswalkKind.Merged => lang.T("통합", "merged"),
        CrosswalkKind.Deleted => lang.T("삭제", "deleted"),
        CrosswalkKind.New => lang.T("신설", "new"),
        CrosswalkKind.Equal => lang.T("동등", "equal"),
        CrosswalkKind.Subset => lang.T("일부", "subset"),
        CrosswalkKind.Superset => lang.T("포괄", "superset"),
        CrosswalkKind.Intersects => lang.T("부분 겹침", "intersects"),
        _ => lang.T("대응", "corresponds"),
    };

    private static void Section(IAnsiConsole console, string title)
    {
        console.WriteLine();
        console.MarkupLine($"[bold underline]{Markup.Escape(title)}[/]");
    }

    /// <summary>The caveat shown beside a crosswalk entry that rests on an unconfirmed title.</summary>
    internal static string ConfidenceLabel(string? confidence, Language lang) => confidence switch
    {
        "M" => lang.T(" [제목 미확인]", " [title unconfirmed]"),
        "S" => lang.T(" [2차 출처]", " [secondary source]"),
        _ => string.Empty,
    };
}
