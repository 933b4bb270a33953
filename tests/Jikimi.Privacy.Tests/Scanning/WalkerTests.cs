using Jikimi.Privacy.Scanning;
using Jikimi.TestSupport;

namespace Jikimi.Privacy.Tests.Scanning;

public sealed class WalkerTests : IDisposable
{
    private readonly TempDir _root = new();
    private readonly TempDir _outside = new();

    public void Dispose()
    {
        _root.Dispose();
        _outside.Dispose();
    }

    private string Write(string rel, string content)
    {
        var p = Path.Combine(_root.Path, rel);
        Directory.CreateDirectory(Path.GetDirectoryName(p)!);
        File.WriteAllText(p, content);
        return p;
    }

    [Fact]
    public void Symlinks_are_not_followed_by_default_and_loops_are_caught_when_they_are()
    {
        var secret = Path.Combine(_outside.Path, "secret.txt");
        File.WriteAllText(secret, "010-1234-5678");
        Write("a/in.txt", "hong@example.com");
        File.CreateSymbolicLink(Path.Combine(_root.Path, "link.txt"), secret);
        Directory.CreateSymbolicLink(Path.Combine(_root.Path, "outside"), _outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(_root.Path, "a", "loop"), _root.Path);

        var items = FileWalker.Walk([_root.Path], new WalkOptions()).ToList();
        Assert.Equal([Path.Combine(_root.Path, "a", "in.txt")], items.Where(i => i.SkipReason is null).Select(i => i.Path));
        Assert.Equal(3, items.Count(i => i.SkipReason?.StartsWith("symbolic link (not followed", StringComparison.Ordinal) == true));

        var followed = FileWalker.Walk([_root.Path], new WalkOptions { FollowSymlinks = true }).ToList();
        Assert.Equal(3, followed.Count(i => i.SkipReason is null)); // in.txt, link.txt, outside/secret.txt
        Assert.Contains(followed, i => i.SkipReason?.Contains("loop", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Files_over_the_size_limit_are_skipped_with_their_size()
    {
        Write("small.txt", "010-1234-5678");
        var big = Write("big.log", new string('x', 5000));
        var items = FileWalker.Walk([_root.Path], new WalkOptions { MaxFileSize = 1000 }).ToList();
        var skipped = Assert.Single(items, i => i.SkipReason is not null);
        Assert.Equal(big, skipped.Path);
        Assert.Equal(5000, skipped.Size);
        Assert.Contains("size limit", skipped.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_filter_sees_slash_separated_relative_paths()
    {
        Write("keep/a.csv", "x");
        Write("skip/b.csv", "x");
        Write("keep/c.bin", "x");
        var seen = new List<string>();
        var items = FileWalker.Walk([_root.Path], new WalkOptions { Filter = rel => { seen.Add(rel); return rel.StartsWith("keep/", StringComparison.Ordinal) && rel.EndsWith(".csv", StringComparison.Ordinal); } }).ToList();
        Assert.Equal([Path.Combine(_root.Path, "keep", "a.csv")], items.Select(i => i.Path));
        Assert.Contains("skip/b.csv", seen);
    }

    [Fact]
    public void A_missing_root_is_reported()
    {
        var item = Assert.Single(FileWalker.Walk([Path.Combine(_root.Path, "nope")], new WalkOptions()));
        Assert.Equal("not found", item.SkipReason);
    }

    [Fact]
    public async Task The_engine_scans_a_tree_in_parallel_and_reports_totals()
    {
        for (var i = 0; i < 50; i++)
        {
            Write($"d{i % 5}/f{i}.txt", $"line\n연락처 010-1234-{i:0000}\n");
        }

        var engine = Collect.Engine();
        var report = new ScanReport(Confidence.Medium);
        await engine.RunAsync(FileWalker.Walk([_root.Path], new WalkOptions()), report);
        Assert.Equal(50, report.Files);
        Assert.Equal(50, report.Total);
        Assert.Equal(50, engine.Progress.Findings);
        Assert.Equal(report.Bytes, engine.Progress.Bytes);
        var phone = Assert.Single(report.ByType());
        Assert.Equal((PiiType.Phone, 50L, 50L), (phone.Type, phone.High, phone.Distinct));
        Assert.Equal(Confidence.High, report.Highest);
    }
}
