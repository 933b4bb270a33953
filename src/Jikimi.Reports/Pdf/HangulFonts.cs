using PdfSharp.Fonts;

namespace Jikimi.Reports.Pdf;

/// <summary>
/// NanumGothic regular and bold, embedded in this assembly (SIL OFL 1.1; assets/fonts), for every font PDFsharp
/// asks for: PDFs carry Hangul on any machine, with or without fonts installed. Installed once per process.
/// </summary>
public sealed class HangulFonts : IFontResolver
{
    public const string Family = "NanumGothic";
    private const string Regular = "nanum-regular";
    private const string Bold = "nanum-bold";
    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> RegularBytes = new(() => Load("NanumGothic.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load("NanumGothicBold.ttf"));

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not HangulFonts)
            {
                GlobalFontSettings.FontResolver = new HangulFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faceName == Bold ? BoldBytes.Value : RegularBytes.Value;

    private static byte[] Load(string name)
    {
        using var s = typeof(HangulFonts).Assembly.GetManifestResourceStream("Jikimi.Reports.Fonts." + name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from Jikimi.Reports.");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
