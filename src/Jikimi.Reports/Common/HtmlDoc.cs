using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Jikimi.Catalog.Model;

namespace Jikimi.Reports.Common;

/// <summary>
/// Shared pieces of the self-contained HTML reports: the head (inline CSS, a CSP that forbids scripts and fetches),
/// escaping, and headed tables. Every report text goes through <see cref="E"/>.
/// </summary>
internal static class HtmlDoc
{
    // Korean stays readable in the source; markup characters are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string s) => Encoder.Encode(s);

    public static void Head(StringBuilder sb, Language l, string title, string extraCss = "")
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(l == Language.Ko ? "ko" : "en").Append("\"><head><meta charset=\"utf-8\">")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
          .Append("<title>").Append(E(title)).Append("</title><style>")
          .Append("body{font-family:'Malgun Gothic','NanumGothic','Noto Sans CJK KR',sans-serif;margin:2em;color:#222}")
          .Append("h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:2px solid #2f5597;padding-bottom:.2em;margin-top:1.6em}")
          .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#d9e1f2}")
          .Append(".meta{color:#555}.big{font-size:2em;font-weight:bold;color:#2f5597}svg text{font-size:12px}")
          .Append("@media print{h2{break-after:avoid}table{break-inside:auto}}")
          .Append(extraCss)
          .Append("</style></head><body>\n");
    }

    /// <summary>A heading, an optional note, and a table (or "none").</summary>
    public static void Table(StringBuilder sb, string title, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, Language l, string? note = null)
    {
        sb.Append("<h2>").Append(E(title)).Append("</h2>\n");
        if (note is not null)
        {
            sb.Append("<p>").Append(E(note)).Append("</p>\n");
        }

        if (rows.Count == 0)
        {
            sb.Append("<p>").Append(E(Readiness.ReportText.None(l))).Append("</p>\n");
            return;
        }

        sb.Append("<table><thead><tr>");
        foreach (var c in columns)
        {
            sb.Append("<th>").Append(E(c)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td>").Append(E(cell)).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>\n");
    }

    /// <summary>A two-column table of labels and values (a form-like block).</summary>
    public static void Fields(StringBuilder sb, IReadOnlyList<(string Label, string Value)> fields)
    {
        sb.Append("<table class=\"fields\">");
        foreach (var (label, value) in fields)
        {
            sb.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        }

        sb.Append("</table>\n");
    }
}
