using Jikimi.Catalog.Model;

namespace Jikimi.Reports.Common;

/// <summary>A generated document ready to download: bytes, content type and a safe file name.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Html = "text/html; charset=utf-8";
    public const string Pdf = "application/pdf";
    public const string Json = "application/json";

    public Stream OpenRead() => new MemoryStream(Content, writable: false);
}

/// <summary>The output formats of the reports.</summary>
public enum ReportFormat
{
    Xlsx,
    Html,
    Pdf,
}

public static class ReportFormats
{
    public static bool TryParse(string? text, out ReportFormat format) => Enum.TryParse(text?.Trim(), ignoreCase: true, out format) && Enum.IsDefined(format);

    public static string T(this Language lang, string ko, string en) => lang == Language.Ko ? ko : en;
}
