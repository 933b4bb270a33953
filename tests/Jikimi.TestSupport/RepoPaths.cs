namespace Jikimi.TestSupport;

/// <summary>Finds the repository root (the folder with Jikimi.slnx) and the shared reference beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jikimi.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Jikimi.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Catalogs => Path.Combine(Root, "catalogs");

    /// <summary>
    /// The team reference folder beside the repository: a read-only copy of outside files (e.g. Prowler's). It is not part of the
    /// repository; a test that reads it must be a <see cref="ReferenceFactAttribute"/> so it reports itself as
    /// skipped, never passed or failed, where the folder is absent. JIKIMI_REFERENCE_DIR points elsewhere.
    /// </summary>
    public static string Reference => Path.GetFullPath(
        Environment.GetEnvironmentVariable("JIKIMI_REFERENCE_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Root, "..", "shared", "reference"));

    public static string ReferenceFile(params string[] parts) => Path.Combine([Reference, .. parts]);

    /// <summary>Fixtures of our own, in the repository: tests/Jikimi.TestSupport/TestData/...</summary>
    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "Jikimi.TestSupport", "TestData", .. parts]);
}

/// <summary>A temporary folder deleted at the end of a test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "jikimi-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort; the OS cleans temp
        }
    }

    /// <summary>Copies a folder tree (e.g. the catalogs) into this temp dir and returns the copy's path.</summary>
    public string CopyTree(string source, string name)
    {
        var target = System.IO.Path.Combine(Path, name);
        foreach (var f in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, f));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(dest)!);
            System.IO.File.Copy(f, dest);
        }

        return target;
    }
}
