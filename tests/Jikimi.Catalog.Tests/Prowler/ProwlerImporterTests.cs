using System.Text;
using Jikimi.Catalog.Model;
using Jikimi.Catalog.Prowler;
using Jikimi.TestSupport;

namespace Jikimi.Catalog.Tests.Prowler;

public class ProwlerImporterTests
{
    private static readonly Edition Edition2023 = CriteriaCatalog.Embedded[EditionId.IsmsP2023];
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    // Our own fixtures in Prowler's shape (tests/Jikimi.TestSupport/TestData/prowler/make-fixtures.py).
    private static byte[] Korean => File.ReadAllBytes(RepoPaths.TestData("prowler", "prowler_kisa_isms_p_2023_korean_aws.json"));

    private static byte[] English => File.ReadAllBytes(RepoPaths.TestData("prowler", "prowler_kisa_isms_p_2023_aws.json"));

    // Prowler's real files: only where the team's reference copy exists; skipped (not passed) elsewhere.
    private static byte[] RealKorean => File.ReadAllBytes(RepoPaths.ReferenceFile("ismsp", "prowler_kisa_isms_p_2023_korean_aws.json"));

    private static byte[] RealEnglish => File.ReadAllBytes(RepoPaths.ReferenceFile("ismsp", "prowler_kisa_isms_p_2023_aws.json"));

    [Fact]
    public void Korean_file_matches_all_101_and_reports_the_id_with_a_trailing_space()
    {
        var (layer, report) = ProwlerImporter.Import(Korean, "kisa_isms_p_2023_korean_aws.json", Edition2023, Clock);
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(101, report.Matched);
        Assert.Contains(report.Normalized, n => n.StartsWith("'2.4.5 ' → 2.4.5", StringComparison.Ordinal));
        Assert.Empty(report.Missing);
        Assert.Empty(report.CountMismatches);
        Assert.Equal(Language.Ko, layer!.Language);
        Assert.Equal(["시험용 점검 항목 1.1.1-1", "시험용 점검 항목 1.1.1-2"], layer.Controls["1.1.1"].CheckItems);
        Assert.Equal(["개인정보 보호법 제20조의2"], layer.Controls["3.5.3"].RelatedRegulations);
        Assert.Contains("iam_password_policy_minimum_length_14", layer.Controls["2.5.4"].AwsChecks);
        Assert.Equal("2023-korean", layer.Version);
        Assert.Equal(Clock.GetUtcNow(), layer.ImportedAt);
    }

    [Fact]
    public void English_file_matches_all_101_in_english_and_counts_distinct_checks()
    {
        var (layer, report) = ProwlerImporter.Import(English, "kisa_isms_p_2023_aws.json", Edition2023, Clock);
        Assert.True(report.Succeeded);
        Assert.Equal(101, report.Matched);
        Assert.Empty(report.Normalized);
        Assert.Equal(Language.En, layer!.Language);
        Assert.Equal(8, report.AwsChecks); // 9 listed, one shared by 2.5.4 and 2.10.2
        Assert.Equal(4, layer.Controls.Values.Count(c => c.AwsChecks.Count > 0));
        Assert.Equal("Executive Participation", layer.Controls["1.1.1"].Name);
    }

    [Fact]
    public void A_check_item_count_that_differs_from_the_catalog_is_reported()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Korean)!;
        var first = json["Requirements"]![0]!["Attributes"]![0]!["AuditChecklist"]!.AsArray();
        first.Add("하나 더");
        var (_, report) = ProwlerImporter.Import(Encoding.UTF8.GetBytes(json.ToJsonString()), "kr.json", Edition2023, Clock);
        Assert.True(report.Succeeded);
        Assert.Equal(["1.1.1: 3 check items in the file, 2 in the catalog"], report.CountMismatches);
    }

    [ReferenceFact("ismsp", "prowler_kisa_isms_p_2023_korean_aws.json")]
    public void Real_korean_file_matches_all_101_and_reports_the_id_with_a_trailing_space()
    {
        var (layer, report) = ProwlerImporter.Import(RealKorean, "kisa_isms_p_2023_korean_aws.json", Edition2023, Clock);
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(101, report.Matched);
        Assert.Contains(report.Normalized, n => n.StartsWith("'2.4.5 ' → 2.4.5", StringComparison.Ordinal));
        Assert.Empty(report.Missing);
        Assert.Empty(report.CountMismatches);
        Assert.Equal(Language.Ko, layer!.Language);
        Assert.Equal(2, layer.Controls["1.1.1"].CheckItems.Count);
        Assert.NotEmpty(layer.Controls["2.5.4"].AwsChecks);
    }

    [ReferenceFact("ismsp", "prowler_kisa_isms_p_2023_aws.json")]
    public void Real_english_file_matches_all_101_in_english()
    {
        var (layer, report) = ProwlerImporter.Import(RealEnglish, "kisa_isms_p_2023_aws.json", Edition2023, Clock);
        Assert.True(report.Succeeded);
        Assert.Equal(101, report.Matched);
        Assert.Equal(Language.En, layer!.Language);
        Assert.Equal(562, report.AwsChecks);
        Assert.Equal(26, layer.Controls.Values.Count(c => c.AwsChecks.Count > 0));
    }

    // The done-criterion: our 101 Korean titles equal Prowler's (white space and middle dot aside).
    [ReferenceFact("ismsp", "prowler_kisa_isms_p_2023_korean_aws.json")]
    public void Official_korean_titles_equal_prowlers()
    {
        var (layer, _) = ProwlerImporter.Import(RealKorean, "kr.json", Edition2023, Clock);
        static string Norm(string s) => new(s.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('·' or '/' or '・' or 'ㆍ')).ToArray());
        Assert.All(Edition2023.Controls, c => Assert.Equal(Norm(layer!.Controls[c.Id].Name), Norm(c.Title.Ko)));
        Assert.Equal(101, Edition2023.Controls.Count);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1,2,3]", "no 'Requirements' array")]
    [InlineData("{\"Framework\":\"CIS\",\"Requirements\":[]}", "not ISMS-P")]
    [InlineData("{\"Framework\":\"KISA-ISMS-P\",\"Requirements\":[{\"Id\":\"9.9.9\",\"Attributes\":[{}]}]}", "no requirement matched")]
    [InlineData("{\"Framework\":\"KISA-ISMS-P\",\"Requirements\":[{\"Name\":\"x\"}]}", "has no string 'Id'")]
    [InlineData("{\"Framework\":\"KISA-ISMS-P\",\"Requirements\":[{\"Id\":\"1.1.1\"}]}", "no 'Attributes' object")]
    public void Bad_files_are_rejected_with_a_clear_error(string json, string expected)
    {
        var (layer, report) = ProwlerImporter.Import(Encoding.UTF8.GetBytes(json), "bad.json", Edition2023, Clock);
        Assert.Null(layer);
        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Oversized_content_is_rejected_before_parsing()
    {
        var big = new byte[ProwlerImporter.MaxBytes + 1];
        var (layer, report) = ProwlerImporter.Import(big, "big.json", Edition2023, Clock);
        Assert.Null(layer);
        Assert.Contains(report.Errors, e => e.Contains("limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_ids_are_reported_and_skipped()
    {
        var json = "{\"Framework\":\"KISA-ISMS-P\",\"Requirements\":[" +
                   "{\"Id\":\"1.1.1\",\"Name\":\"경영진의 참여\",\"Attributes\":[{\"AuditChecklist\":[\"a\",\"b\"]}]}," +
                   "{\"Id\":\"3.4.3\",\"Name\":\"휴면\",\"Attributes\":[{}]}]}";
        var (layer, report) = ProwlerImporter.Import(Encoding.UTF8.GetBytes(json), "partial.json", Edition2023, Clock);
        Assert.True(report.Succeeded);
        Assert.Equal(["3.4.3"], report.Unknown);
        Assert.Equal(100, report.Missing.Count);
        Assert.Single(layer!.Controls);
    }

    [Fact]
    public void Overlay_store_round_trips_and_replaces_atomically()
    {
        using var dir = new TempDir();
        var store = new OverlayStore(dir.Path);
        var (layer, _) = ProwlerImporter.Import(Korean, "kr.json", Edition2023, Clock);
        store.Save(layer!);
        store.Save(layer!);
        var loaded = Assert.Single(store.LoadAll(out var problems));
        Assert.Empty(problems);
        Assert.Equal(101, loaded.Controls.Count);
        Assert.Equal(layer!.Controls["2.5.4"].CheckItems, loaded.Controls["2.5.4"].CheckItems);
        Assert.Empty(Directory.GetFiles(store.Directory, "*.tmp"));
    }

    [Fact]
    public void Damaged_overlay_is_reported_not_ignored()
    {
        using var dir = new TempDir();
        var store = new OverlayStore(dir.Path);
        Directory.CreateDirectory(store.Directory);
        File.WriteAllText(store.PathFor(Language.Ko), "{ broken");
        Assert.Empty(store.LoadAll(out var problems));
        Assert.Single(problems);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
