using Jikimi.Fuzz;
using Jikimi.TestSupport;

namespace Jikimi.Reports.Tests.Fuzz;

/// <summary>
/// Replays the fuzzing corpus and every crash ever found (fuzz/corpus/TARGET, fuzz/crashes/TARGET; scripts/fuzz.sh
/// adds to both) through the same targets AFL runs: each reader may refuse an input only with the failure its caller
/// turns into a clear error, never with any other exception.
/// </summary>
public class FuzzCorpusTests
{
    private static string Dir(string kind, string target) => Path.Combine(RepoPaths.Root, "fuzz", kind, target);

    public static TheoryData<string> TargetNames => new(Targets.All.Keys);

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Every_corpus_entry_and_recorded_crash_is_read_or_refused_cleanly(string target)
    {
        var files = new[] { "corpus", "crashes" }
            .Select(kind => Dir(kind, target))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 0, $"fuzz/corpus/{target} holds no seed");

        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                Targets.Run(target, File.ReadAllBytes(file));
            }
            catch (Exception e)
            {
                failures.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_target_has_a_corpus_and_every_corpus_a_target()
    {
        var dirs = Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "fuzz", "corpus")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Targets.All.Keys.Order(StringComparer.Ordinal), dirs);
    }

    [Fact]
    public void A_reader_failure_outside_the_expected_kinds_is_reported()
    {
        // The harness must let unexpected exceptions escape, or neither AFL nor this replay could see a crash.
        Assert.True(Targets.IsScanError(new InvalidDataException()));
        Assert.False(Targets.IsScanError(new NullReferenceException()));
        Assert.False(Targets.IsScanError(new IndexOutOfRangeException()));
        Assert.False(Targets.IsInputError(new ArgumentOutOfRangeException()));
    }
}
