using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Jikimi.Application.Data;
using Jikimi.Domain.Common;
using Jikimi.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Evidence;

public sealed record StoredBlob(Sha256Hash Hash, long Size, bool Created);

/// <summary>Content-addressed evidence bytes. Put streams, hashes and enforces the size limit without buffering the file in memory.</summary>
public interface IEvidenceStore
{
    Task<Result<StoredBlob>> PutAsync(Stream content, long maxBytes, CancellationToken ct);

    Task<Stream?> OpenAsync(string sha256, CancellationToken ct);

    /// <summary>Removes bytes this request created when the request then failed (never ones already referenced).</summary>
    Task DiscardAsync(StoredBlob blob, CancellationToken ct);
}

/// <summary>Streams to a temp file while hashing, through the input edge's bounded stream; shared by both stores.</summary>
internal static partial class Spool
{
    public static async Task<Result<(string Path, Sha256Hash Hash, long Size)>> ToTempAsync(Stream content, string directory, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $"upload-{Guid.NewGuid():N}.tmp");
        var ok = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                // One byte past the limit stops the read with input.too_large (ADR 0038); nothing is kept.
                using var bounded = new Jikimi.Input.BoundedStream(content, maxBytes, leaveOpen: true);
                var buffer = new byte[Jikimi.Input.InputFile.CopyBufferBytes];
                int read;
                try
                {
                    while ((read = await bounded.ReadAsync(buffer, ct)) > 0)
                    {
                        size += read;
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                }
                catch (Jikimi.Input.InputException e)
                {
                    return e.Error.ToDomainError();
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            if (size == 0)
            {
                return new EvidenceEmpty();
            }

            ok = true;
            return (temp, Sha256Hash.FromBytes(hash.GetHashAndReset()), size);
        }
        finally
        {
            if (!ok && File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Makes a rename durable: fsync the directory that holds it (Linux).</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = Open(directory, 0x10000 /* O_RDONLY | O_DIRECTORY */);
        if (fd >= 0)
        {
            _ = Fsync(fd);
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

/// <summary>Files under &lt;root&gt;/ab/cd/&lt;sha256&gt;: temp file, fsync, rename, fsync the folder.</summary>
public sealed class FileSystemEvidenceStore(string root) : IEvidenceStore
{
    public string Root { get; } = root;

    public string PathOf(string sha) => Path.Combine(Root, sha[..2], sha[2..4], sha);

    public async Task<Result<StoredBlob>> PutAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var spooled = await Spool.ToTempAsync(content, Path.Combine(Root, "tmp"), maxBytes, ct);
        if (spooled.Error is { } e)
        {
            return e;
        }

        var (temp, hash, size) = spooled.Value;
        var target = PathOf(hash.Hex);
        if (File.Exists(target))
        {
            File.Delete(temp);
            return new StoredBlob(hash, size, Created: false);
        }

        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        File.Move(temp, target, overwrite: true);
        Spool.SyncDirectory(dir);
        return new StoredBlob(hash, size, Created: true);
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null);
    }

    public Task DiscardAsync(StoredBlob blob, CancellationToken ct)
    {
        if (blob.Created)
        {
            File.Delete(PathOf(blob.Hash.Hex));
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Bytes in the EvidenceBlobs table, added to the same unit of work as the evidence rows, so the upload and its
/// record commit together. For PostgreSQL deployments with several app nodes and no shared disk.
/// </summary>
public sealed class DatabaseEvidenceStore(JikimiDb db, string tempDirectory, TimeProvider clock) : IEvidenceStore
{
    public async Task<Result<StoredBlob>> PutAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var spooled = await Spool.ToTempAsync(content, tempDirectory, maxBytes, ct);
        if (spooled.Error is { } e)
        {
            return e;
        }

        var (temp, hash, size) = spooled.Value;
        try
        {
            if (await db.EvidenceBlobs.AnyAsync(b => b.Sha256 == hash.Hex, ct) || db.EvidenceBlobs.Local.Any(b => b.Sha256 == hash.Hex))
            {
                return new StoredBlob(hash, size, Created: false);
            }

            db.EvidenceBlobs.Add(new EvidenceBlob { Sha256 = hash.Hex, Size = size, Content = await File.ReadAllBytesAsync(temp, ct), CreatedAt = clock.GetUtcNow().UtcDateTime });
            return new StoredBlob(hash, size, Created: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<Stream?> OpenAsync(string sha256, CancellationToken ct)
    {
        var content = await db.EvidenceBlobs.AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Content).FirstOrDefaultAsync(ct);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public Task DiscardAsync(StoredBlob blob, CancellationToken ct)
    {
        // Nothing was committed: the row leaves with the failed unit of work.
        foreach (var pending in db.EvidenceBlobs.Local.Where(b => b.Sha256 == blob.Hash.Hex).ToList())
        {
            db.Entry(pending).State = EntityState.Detached;
        }

        return Task.CompletedTask;
    }
}
