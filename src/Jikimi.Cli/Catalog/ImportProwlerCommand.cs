using System.CommandLine;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Prowler;
using Jikimi.Cli.Infrastructure;

namespace Jikimi.Cli.Catalog;

/// <summary>
/// `jikimi catalog import-prowler &lt;file&gt;`: overlays the official wording and AWS check ids from the user's own
/// copy of Prowler's ISMS-P file. Reports what did not match; stores nothing when the file is rejected.
/// </summary>
public static class ImportProwlerCommand
{
    public static Command Build(CliContext ctx, CommonOptions common)
    {
        var file = new Argument<FileInfo>("file") { Description = "Prowler's kisa_isms_p_2023_aws.json or kisa_isms_p_2023_korean_aws.json." };
        var strict = new Option<bool>("--strict") { Description = "Reject the file if anything needed clean-up or did not match." };
        var cmd = new Command("import-prowler", "Import the official ISMS-P wording and AWS checks from a Prowler compliance JSON file.") { file, strict };
        cmd.SetAction(p =>
        {
            var lang = common.LanguageOf(p);
            var f = new FileInfo(InputFile.Require(p.GetValue(file)!.FullName, lang));

            if (f.Length > ProwlerImporter.MaxBytes)
            {
                ctx.Err.WriteLine(lang.T(
                    $"오류: 파일이 너무 큽니다 ({f.Length:N0} 바이트, 한도 {ProwlerImporter.MaxBytes:N0}). 가져온 것은 없습니다.",
                    $"error: file too large ({f.Length:N0} bytes, limit {ProwlerImporter.MaxBytes:N0}). Nothing was imported."));
                return ExitCodes.Failed;
            }

            var edition = CatalogCommands.Catalog[EditionId.IsmsP2023];
            var (layer, report) = ProwlerImporter.Import(File.ReadAllBytes(f.FullName), f.Name, edition, ctx.Clock);
            if (p.GetValue(strict) && report.HasFindings)
            {
                report.Errors.Add("--strict: the file needed clean-up or did not match fully (see above)");
            }

            Print(ctx.Out, report, lang);
            if (!report.Succeeded || layer is null)
            {
                foreach (var e in report.Errors)
                {
                    ctx.Err.WriteLine("error: " + e);
                }

                ctx.Err.WriteLine(lang.T("가져오기를 거부했습니다. 아무것도 바뀌지 않았습니다.", "Import rejected. Nothing was changed."));
                return ExitCodes.Failed;
            }

            var store = new OverlayStore(common.DataDirOf(p));
            store.Save(layer);
            ctx.Out.WriteLine(lang.T(
                $"가져왔습니다: 공식 문구({layer.Language.ToString().ToLowerInvariant()}) {report.Matched}개 항목, AWS 점검 {report.AwsChecks}개 → {store.PathFor(layer.Language)}",
                $"Imported official wording ({layer.Language.ToString().ToLowerInvariant()}) for {report.Matched} controls, {report.AwsChecks} AWS checks → {store.PathFor(layer.Language)}"));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static void Print(TextWriter w, ProwlerImportReport r, Language lang)
    {
        w.WriteLine(lang.T($"일치: {r.Matched}개 항목", $"Matched: {r.Matched} controls"));
        Lines(w, lang.T("정리한 id", "Ids cleaned up"), r.Normalized);
        Lines(w, lang.T("2023 기준에 없는 id (건너뜀)", "Ids not in the 2023 edition (skipped)"), r.Unknown.Select(u => $"'{u}'"));
        Lines(w, lang.T("파일에 없는 2023 항목", "2023 controls missing from the file"), r.Missing);
        Lines(w, lang.T("중복 id (처음 것만 사용)", "Duplicate ids (first kept)"), r.Duplicates);
        Lines(w, lang.T("확인사항 개수 불일치", "Check-item count differences"), r.CountMismatches);
    }

    private static void Lines(TextWriter w, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        w.WriteLine($"{title} ({list.Count}):");
        foreach (var i in list)
        {
            w.WriteLine("  - " + i);
        }
    }
}
