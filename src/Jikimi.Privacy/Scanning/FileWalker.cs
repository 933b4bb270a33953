namespace Jikimi.Privacy.Scanning;

/// <summary>Which files a walk yields.</summary>
public sealed record WalkOptions
{
    /// <summary>Follow symbolic links to files and folders (default: no; loops are detected either way).</summary>
    public bool FollowSymlinks { get; init; }

    /// <summary>Larger files are skipped with a reason (default 100 MB).</summary>
    public long MaxFileSize { get; init; } = 100L * 1024 * 1024;

    /// <summary>Include/exclude decision on the path relative to the root ('/'-separated); null = all.</summary>
    public Func<string, bool>? Filter { get; init; }
}

/// <summary>A file to scan, or one that is skipped and why.</summary>
public sealed record WalkItem(string Path, long Size, string? SkipReason = null);

/// <summary>Enumerates files under roots lazily, one folder at a time, so a file server's tree is never held whole.</summary>
public static class FileWalker
{
    public static IEnumerable<WalkItem> Walk(IEnumerable<string> roots, WalkOptions options)
    {
        foreach (var root in roots)
        {
            var full = Path.GetFullPath(root);
            if (File.Exists(full))
            {
                yield return Check(new FileInfo(full), options);
            }
            else if (Directory.Exists(full))
            {
                foreach (var item in WalkDirectory(full, options))
                {
                    yield return item;
                }
            }
            else
            {
                yield return new WalkItem(full, 0, "not found");
            }
        }
    }

    private static IEnumerable<WalkItem> WalkDirectory(string root, WalkOptions options)
    {
        var enumeration = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0, RecurseSubdirectories = false };
        var visited = new HashSet<string>(StringComparer.Ordinal) { root };
        var pending = new Stack<(DirectoryInfo Dir, string Real)>();
        pending.Push((new DirectoryInfo(root), root));
        while (pending.Count > 0)
        {
            var (dir, real) = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = dir.EnumerateFileSystemInfos("*", enumeration).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            var subdirs = new List<(DirectoryInfo, string)>();
            foreach (var entry in entries)
            {
                var rel = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                var entryReal = Path.Combine(real, entry.Name);
                if (entry.LinkTarget is not null)
                {
                    if (!options.FollowSymlinks)
                    {
                        if (options.Filter?.Invoke(rel) != false)
                        {
                            yield return new WalkItem(entry.FullName, 0, "symbolic link (not followed; use --follow-symlinks)");
                        }

                        continue;
                    }

                    var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                    if (target is null || !target.Exists)
                    {
                        yield return new WalkItem(entry.FullName, 0, "broken symbolic link");
                        continue;
                    }

                    entryReal = target.FullName;
                    if (target is FileInfo linkedFile)
                    {
                        if (options.Filter?.Invoke(rel) != false)
                        {
                            yield return Check(linkedFile, options) with { Path = entry.FullName };
                        }

                        continue;
                    }
                }

                if (entry is DirectoryInfo || (entry.LinkTarget is not null && Directory.Exists(entryReal)))
                {
                    if (visited.Add(entryReal))
                    {
                        subdirs.Add((new DirectoryInfo(entry.FullName), entryReal));
                    }
                    else
                    {
                        yield return new WalkItem(entry.FullName, 0, "symbolic link loop (already scanned)");
                    }
                }
                else if (entry is FileInfo file && options.Filter?.Invoke(rel) != false)
                {
                    yield return Check(file, options);
                }
            }

            for (var i = subdirs.Count - 1; i >= 0; i--)
            {
                pending.Push(subdirs[i]);
            }
        }
    }

    private static WalkItem Check(FileInfo file, WalkOptions options)
    {
        long size;
        try
        {
            size = file.Length;
        }
        catch (IOException)
        {
            return new WalkItem(file.FullName, 0, "unreadable");
        }

        return size > options.MaxFileSize
            ? new WalkItem(file.FullName, size, $"larger than the size limit ({options.MaxFileSize:N0} bytes)")
            : new WalkItem(file.FullName, size);
    }
}
