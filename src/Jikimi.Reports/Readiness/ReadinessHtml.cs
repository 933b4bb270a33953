using System.Globalization;
using System.Text;
using Jikimi.Catalog.Model;
using Jikimi.Reports.Common;
using static Jikimi.Reports.Common.HtmlDoc;

namespace Jikimi.Reports.Readiness;

/// <summary>
/// The readiness report as one self-contained HTML page: inline CSS, charts as inline SVG, every text escaped,
/// no script and nothing fetched from elsewhere (it can be mailed or archived as is).
/// </summary>
public static class ReadinessHtml
{
    public static string Render(ReadinessReport r)
    {
        var l = r.Lang;
        var sb = new StringBuilder();
        HtmlDoc.Head(sb, l, $"{r.Organization} — {ReportText.Title(l)}");
        sb.Append("<h1>").Append(E(ReportText.Title(l))).Append("</h1>\n");
        sb.Append("<p class=\"meta\">").Append(E(r.Organization)).Append(" · ").Append(E(r.Assessment)).Append(" · ").Append(E(r.Criteria))
          .Append(" · ").Append(E(ReportText.Generated(l))).Append(' ').Append(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</p>\n");

        sb.Append("<h2>").Append(E(ReportText.Summary(l))).Append("</h2>\n<p class=\"big\">").Append(E(ReportText.Percent(r.Readiness))).Append("</p>\n<table>");
        foreach (var (label, value) in ReportText.SummaryLines(r))
        {
            sb.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");
        }

        sb.Append("</table>\n");
        Chart(sb, ReportText.ByDomain(l), r.Domains);
        Chart(sb, ReportText.BySubdomain(l), r.Subdomains);
        Table(sb, ReportText.Gaps(l), ReportText.GapColumns(l), r.Gaps.Select(g => ReportText.GapCells(g, l)).ToList(), l);
        Table(sb, ReportText.Expiring(l), ReportText.ExpiringColumns(l), r.ExpiringEvidence.Select(e => ReportText.ExpiringCells(e, l)).ToList(), l);
        foreach (var s in r.Sections)
        {
            Table(sb, s.Title, s.Columns, s.Rows, l, s.Note);
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Chart(StringBuilder sb, string title, IReadOnlyList<ReadinessBar> bars)
    {
        const int label = 300, width = 360, row = 22;
        var height = (bars.Count * row) + 10;
        sb.Append("<h2>").Append(E(title)).Append("</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
          .Append(label + width + 70).Append("\" height=\"").Append(height).Append("\" aria-label=\"").Append(E(title)).Append("\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = 5 + (i * row);
            var w = (int)Math.Round(width * (b.Readiness ?? 0) / 100.0);
            sb.Append("<text x=\"0\" y=\"").Append(y + 14).Append("\">").Append(E(b.Title)).Append("</text>")
              .Append("<rect x=\"").Append(label).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(width).Append("\" height=\"16\" fill=\"#e7e6e6\"/>")
              .Append("<rect x=\"").Append(label).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(w).Append("\" height=\"16\" fill=\"").Append(Color(b.Readiness)).Append("\"/>")
              .Append("<text x=\"").Append(label + width + 6).Append("\" y=\"").Append(y + 14).Append("\">").Append(E(ReportText.Percent(b.Readiness))).Append("</text>");
        }

        sb.Append("</svg>\n");
    }

    internal static string Color(double? readiness) => readiness switch
    {
        >= 80 => "#548235",
        >= 50 => "#bf9000",
        _ => "#c00000",
    };

    private static void Table(StringBuilder sb, string title, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, Language l, string? note = null) =>
        HtmlDoc.Table(sb, title, columns, rows, l, note);
}
