using System.Globalization;
using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;
using Jikimi.Privacy;
using Jikimi.Privacy.Scanning;
using Spectre.Console;

namespace Jikimi.Cli.Pii;

/// <summary>The human summary: totals, a table by type, the top places, skipped files.</summary>
public static class ScanSummary
{
    public static void Write(IAnsiConsole console, ScanReport report, ScanInfo info, Language lang, int topPlaces = 10)
    {
        var seconds = Math.Max(info.Elapsed.TotalSeconds, 0.001);
        var mb = report.Bytes / 1024d / 1024d;
        console.WriteLine(lang.T(
            $"검사: 파일/테이블 {report.Files:N0}개, {mb:N1} MB, {seconds:N1}초 ({mb / seconds:N0} MB/s); 건너뜀 {report.Skipped.Count:N0}개; 발견 {report.Total:N0}건 (신뢰도 {info.MinConfidence.WireName()} 이상)",
            $"Scanned {report.Files:N0} files/tables, {mb:N1} MB in {seconds:N1} s ({mb / seconds:N0} MB/s); skipped {report.Skipped.Count:N0}; {report.Total:N0} findings (confidence {info.MinConfidence.WireName()} and above)"));

        var byType = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(lang.T("유형별", "By type")))
            .AddColumn(lang.T("유형", "Type"))
            .AddColumn(new TableColumn(lang.T("높음", "High")).RightAligned())
            .AddColumn(new TableColumn(lang.T("보통", "Medium")).RightAligned())
            .AddColumn(new TableColumn(lang.T("낮음", "Low")).RightAligned())
            .AddColumn(new TableColumn(lang.T("고유값", "Distinct")).RightAligned());
        foreach (var t in report.ByType())
        {
            byType.AddRow(Markup.Escape($"{t.Type.WireName()} {t.Type.KoreanName()}"), N(t.High), N(t.Medium), N(t.Low), N(t.Distinct));
        }

        if (report.Total > 0)
        {
            console.Write(byType);
            var places = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape(lang.T($"많이 발견된 위치 (상위 {topPlaces}개 / 전체 {report.PlaceCount:N0}개)", $"Top places ({topPlaces} of {report.PlaceCount:N0})")))
                .AddColumn(lang.T("위치", "Place"))
                .AddColumn(new TableColumn(lang.T("건수", "Findings")).RightAligned())
                .AddColumn(lang.T("유형", "Types"));
            foreach (var p in report.TopPlaces(topPlaces))
            {
                places.AddRow(Markup.Escape(p.Place), N(p.Total), Markup.Escape(string.Join(", ", p.ByType.Select(kv => $"{kv.Key.WireName()} {kv.Value:N0}"))));
            }

            console.Write(places);
        }

        var skipped = report.Skipped;
        if (skipped.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(lang.T($"건너뛴 파일 ({skipped.Count:N0})", $"Skipped ({skipped.Count:N0})")))
                .AddColumn(lang.T("경로", "Path")).AddColumn(lang.T("사유", "Reason"));
            foreach (var (path, reason) in skipped.Take(20))
            {
                t.AddRow(Markup.Escape(path), Markup.Escape(reason));
            }

            console.Write(t);
        }

        if (info.KeySource == "random-per-run")
        {
            console.WriteLine(lang.T(
                "지문(fingerprint)은 이번 실행에만 쓰는 임의 키로 만들었습니다. 실행 간 비교에는 --key-file 또는 JIKIMI_PII_KEY를 쓰세요.",
                "Fingerprints use a random per-run key: they match only within this run. Use --key-file or JIKIMI_PII_KEY to compare runs."));
        }
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
