using System.IO.Compression;

namespace Jikimi.Privacy.Content;

/// <summary>
/// The text parts of .docx, .xlsx, .pptx (Office Open XML) and .hwpx (한글 OWPML): a zip whose limits are
/// checked before any part is read (<see cref="ArchiveLimits"/>).
/// </summary>
public static class OfficeDocument
{
    public static readonly IReadOnlyList<string> Extensions = [".docx", ".docm", ".xlsx", ".xlsm", ".pptx", ".pptm", ".hwpx"];

    private static readonly string[] TextParts =
    [
        "word/document", "word/header", "word/footer", "word/footnotes", "word/endnotes", "word/comments",
        "xl/sharedStrings", "xl/worksheets/sheet", "xl/comments",
        "ppt/slides/slide", "ppt/notesSlides/notesSlide", "ppt/comments/",
        "Contents/section", "Contents/header", "Contents/footer",
    ];

    public static bool IsOfficeName(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>True for the parts that hold the document's text.</summary>
    public static bool IsTextPart(string entry) =>
        entry.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && TextParts.Any(p => entry.StartsWith(p, StringComparison.Ordinal));

    /// <summary>
    /// Checks the limits, then calls <paramref name="scanPart"/> with each text part as a UTF-8 stream.
    /// Throws <see cref="ArchiveLimitException"/> (path and limit only) before reading when a limit is exceeded.
    /// </summary>
    public static void ReadText(Stream zip, string path, ArchiveLimits limits, Action<string, Stream> scanPart)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: false);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw new ArchiveLimitException($"{path}: {archive.Entries.Count:N0} entries (limit {limits.MaxEntries:N0})");
        }

        var parts = archive.Entries.Where(e => IsTextPart(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        long total = 0;
        foreach (var e in parts)
        {
            total += e.Length;
            var ratio = e.CompressedLength == 0 ? (e.Length == 0 ? 0 : double.PositiveInfinity) : (double)e.Length / e.CompressedLength;
            if (ratio > limits.MaxRatio && e.Length > 1024 * 1024)
            {
                throw new ArchiveLimitException($"{path}!{e.FullName}: compression ratio {ratio:F0} (limit {limits.MaxRatio:F0}), possible zip bomb");
            }
        }

        if (total > limits.MaxTotalUncompressed)
        {
            throw new ArchiveLimitException($"{path}: {total:N0} bytes uncompressed (limit {limits.MaxTotalUncompressed:N0}), possible zip bomb");
        }

        foreach (var e in parts)
        {
            // The declared size is enforced while reading: a lying header cannot inflate more than it claimed.
            using var raw = new Jikimi.Input.BoundedStream(e.Open(), e.Length, $"{path}!{e.FullName}");
            using var text = new XmlTextStream(raw);
            scanPart(e.FullName, text);
        }
    }
}
