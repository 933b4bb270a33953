namespace Jikimi.Domain.Evidence;

/// <summary>Turns an uploaded file name into one that is safe to store and to send back in Content-Disposition.</summary>
public static class SafeFileName
{
    private static readonly char[] Forbidden = ['/', '\\', ':', '*', '?', '"', '<', '>', '|', ';'];

    public static string From(string? name)
    {
        var n = (name ?? string.Empty).Replace('\\', '/');
        n = n[(n.LastIndexOf('/') + 1)..];
        var chars = n.Where(ch => !char.IsControl(ch) && ch is not ('\u202E' or '\u202D' or '\u200E' or '\u200F'))
            .Select(ch => Forbidden.Contains(ch) ? '_' : ch)
            .ToArray();
        var s = new string(chars).Trim().Trim('.');
        if (s.Length > 180)
        {
            var ext = Path.GetExtension(s);
            s = s[..(180 - Math.Min(ext.Length, 20))] + (ext.Length <= 20 ? ext : string.Empty);
        }

        return s.Length == 0 ? "evidence" : s;
    }

    /// <summary>The content type we send back, from a short allow-list; everything else downloads as bytes.</summary>
    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".txt" or ".log" => "text/plain; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".json" => "application/json",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".hwp" => "application/x-hwp",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };
}
