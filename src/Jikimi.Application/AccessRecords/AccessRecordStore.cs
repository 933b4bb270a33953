using System.Globalization;
using System.Security.Cryptography;
using Jikimi.Domain.AccessRecords;
using Microsoft.Extensions.Options;

namespace Jikimi.Application.AccessRecords;

/// <summary>
/// The access-record folder (ADR 0054): <c>&lt;org&gt;/&lt;system&gt;/&lt;yyyy-MM-dd&gt;/&lt;sequence&gt;.parquet</c> and
/// <c>&lt;org&gt;/&lt;system&gt;/raw/&lt;ingest&gt;.gz</c>, a <c>staging</c> folder for ingests under way, and the
/// installation's subject key (&lt;data&gt;/keys/access-record-subject.key, 32 random bytes, mode 0600) with which
/// data-subject values are stored as a keyed hash.
/// </summary>
public sealed class AccessRecordStore(IOptions<AccessRecordOptions> options, string dataDirectory)
{
    private byte[]? _subjectKey;

    public string Root => options.Value.DirectoryFor(dataDirectory);

    public long MaxIngestBytes => options.Value.MaxIngestBytes;

    public string KeyPath => Path.Combine(dataDirectory, "keys", "access-record-subject.key");

    public string Staging(Guid ingestId) => Path.Combine(Root, "staging", ingestId.ToString("N"));

    public static string SegmentPath(Guid org, Guid system, DateOnly day, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{org:N}/{system:N}/{day:yyyy-MM-dd}/{sequence:D10}.parquet");

    public static string RawPath(Guid org, Guid system, Guid ingest) => $"{org:N}/{system:N}/raw/{ingest:N}.gz";

    public string Full(string relative) => Path.Combine(Root, relative);

    public static string Sha256Of(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    /// <summary>The HMAC key for data-subject values, made on first use; losing it only ends matching old hashes to new ones.</summary>
    public byte[] SubjectKey()
    {
        if (_subjectKey is { } k)
        {
            return k;
        }

        var path = KeyPath;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + RandomNumberGenerator.GetHexString(8, lowercase: true) + ".tmp";
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var f = new FileStream(temp, create))
            {
                f.Write(RandomNumberGenerator.GetBytes(32));
                f.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temp, path, overwrite: false); // another process may have made one first: keep theirs
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp);
            }
        }

        return _subjectKey = File.ReadAllBytes(path);
    }

    /// <summary>Deletes a file of a purged segment; a file already gone is not an error.</summary>
    public void Delete(string relative)
    {
        var full = Full(relative);
        if (File.Exists(full))
        {
            File.Delete(full);
        }
    }

    /// <summary>Moves a staged file to its place; refuses to overwrite (segments are immutable).</summary>
    public void Place(string staged, string relative)
    {
        var full = Full(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Move(staged, full, overwrite: false);
        File.SetAttributes(full, FileAttributes.ReadOnly);
    }
}
