using System.Text;
using Jikimi.Privacy.Tests.Detection;
using Jikimi.TestSupport;

namespace Jikimi.Privacy.Tests.Corpus;

/// <summary>The issue's accuracy bar on a labelled corpus: recall 100% on well-formed identifiers, and at the
/// default confidence no look-alike reported.</summary>
public class AccuracyTests
{
    // The fixed seed of the corpus, and two more so the bar is not tuned to one draw.
    private static readonly List<PiiCorpus.Sample> Samples =
        [.. new PiiCorpus().Generate(perKind: 60), .. new PiiCorpus(seed: 1).Generate(perKind: 60), .. new PiiCorpus(seed: 2).Generate(perKind: 60)];

    [Fact]
    public void The_corpus_has_every_type_and_look_alikes()
    {
        Assert.Equal(PiiTypeNames.All.Select(t => t.WireName()).Order(), Samples.Where(s => s.Type is not null).Select(s => s.Type!).Distinct().Order());
        Assert.True(Samples.Count(s => s.Type is null) >= 1000);
    }

    [Fact]
    public void Every_well_formed_identifier_is_found_with_its_type_and_span()
    {
        var missed = new List<string>();
        foreach (var s in Samples.Where(s => s.Type is not null))
        {
            var hits = DetectionHelper.Detect(s.Line, Confidence.Medium);
            var start = Encoding.UTF8.GetByteCount(s.Line[..s.Line.IndexOf(s.Value, StringComparison.Ordinal)]);
            if (!hits.Any(h => h.Type.WireName() == s.Type && h.Value == s.Value && h.Start == start))
            {
                missed.Add($"{s.Type}: {s.Line} → {string.Join("; ", hits)}");
            }
        }

        Assert.True(missed.Count == 0, "missed:\n" + string.Join('\n', missed));
    }

    [Fact]
    public void No_look_alike_is_reported_at_the_default_confidence()
    {
        var reported = Samples.Where(s => s.Type is null)
            .Select(s => (s, hits: DetectionHelper.Detect(s.Line, Confidence.Medium)))
            .Where(x => x.hits.Count > 0)
            .Select(x => $"{x.s.Line} → {string.Join("; ", x.hits)}")
            .ToList();
        Assert.True(reported.Count == 0, "look-alikes reported:\n" + string.Join('\n', reported));
    }

    [Fact]
    public void Each_line_of_the_corpus_reports_only_its_own_identifier()
    {
        foreach (var s in Samples.Where(s => s.Type is not null))
        {
            var hits = DetectionHelper.Detect(s.Line, Confidence.Medium);
            Assert.True(hits.Count == 1, $"{s.Line} → {string.Join("; ", hits)}");
        }
    }

    [Fact]
    public void The_vectorised_loop_finds_what_the_scalar_loop_finds_at_every_alignment()
    {
        // A line alone (< 64 bytes) goes through the scalar loop; inside a longer text, at shifting offsets, through
        // the 32-byte chunk loop, its pre-filters and chunk boundaries. Both must agree on every sample.
        var tail = "\n" + string.Concat(Enumerable.Repeat("고객 상담 내용을 정리하였습니다 ", 6));
        var differences = new List<string>();
        foreach (var s in Samples)
        {
            var alone = DetectionHelper.Detect(s.Line, Confidence.Low).Select(h => (h.Type, h.Start, h.Confidence, h.Value)).ToList();
            foreach (var shift in new[] { 0, 1, 5, 13, 29, 31, 32, 45, 63 })
            {
                var pad = new string('x', shift) + "\n";
                var offset = Encoding.UTF8.GetByteCount(pad);
                var inside = DetectionHelper.Detect(pad + s.Line + tail, Confidence.Low)
                    .Select(h => (h.Type, Start: h.Start - offset, h.Confidence, h.Value)).ToList();
                if (!alone.SequenceEqual(inside))
                {
                    differences.Add($"shift {shift}: {s.Line} → alone [{string.Join("; ", alone)}] inside [{string.Join("; ", inside)}]");
                }
            }
        }

        Assert.True(Samples.Count > 2000);
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
    }
}
