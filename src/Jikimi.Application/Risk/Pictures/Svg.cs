using System.Globalization;
using System.Text;

namespace Jikimi.Application.Risk.Pictures;

/// <summary>Small helpers for the SVG pictures: every text is escaped, numbers use the invariant culture.</summary>
internal static class Svg
{
    public const string Font = "font-family=\"'Noto Sans KR','Nanum Gothic','Malgun Gothic',sans-serif\"";

    public static string Escape(string? text)
    {
        var sb = new StringBuilder((text ?? string.Empty).Length);
        foreach (var ch in text ?? string.Empty)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    // Control characters are not allowed in XML 1.0 text.
                    if (!char.IsControl(ch) || ch is '\t' or '\n')
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Text(double x, double y, string text, string attributes = "") =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" {attributes}>{Escape(text)}</text>";

    public static string Open(double width, double height, string title) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" {Font} font-size=\"12\"><title>{Escape(title)}</title>";

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
