using System.Text;
using Jikimi.Reports.Common;
using Jikimi.Reports.Pdf;
using Jikimi.Reports.Readiness;
using static Jikimi.Reports.Common.HtmlDoc;

namespace Jikimi.Reports.Findings;

/// <summary>The findings report as one self-contained HTML page (inline CSS, every text escaped, no script).</summary>
public static class FindingsHtml
{
    public static string Render(FindingsReport r)
    {
        var l = r.Lang;
        var sb = new StringBuilder();
        Head(sb, l, $"{r.Organization} — {FindingsText.Title(l)}", ".fields th{width:22%}.finding{break-inside:avoid}");
        sb.Append("<h1>").Append(E(FindingsText.Title(l))).Append("</h1>\n");
        Fields(sb, FindingsText.Header(r));
        Table(sb, FindingsText.Summary(l), FindingsText.CountColumns(l), FindingsText.Counts(r), l);
        if (r.Findings.Count == 0)
        {
            sb.Append("<p>").Append(E(FindingsText.None(l))).Append("</p>\n");
        }

        foreach (var f in r.Findings)
        {
            sb.Append("<section class=\"finding\"><h2>").Append(E(FindingsText.Block(f, l))).Append("</h2>\n");
            Fields(sb, FindingsText.Fields(f, l));
            sb.Append("</section>\n");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}

/// <summary>The findings report as PDF (A4, NanumGothic embedded), on the readiness report's page helpers.</summary>
public static class FindingsPdf
{
    public static byte[] Render(FindingsReport r)
    {
        var l = r.Lang;
        using var pdf = new PdfPages($"{r.Organization} — {FindingsText.Title(l)}");
        pdf.Heading(FindingsText.Title(l), pdf.H1, 2);
        pdf.Table(FindingsText.TwoColumns(l), [1.2, 4], FindingsText.Header(r).Select(x => (IReadOnlyList<string>)[x.Label, x.Value]).ToList());
        ReadinessPdf.Section(pdf, FindingsText.Summary(l), FindingsText.CountColumns(l), [3, 1], FindingsText.Counts(r), l);
        if (r.Findings.Count == 0)
        {
            pdf.Gap(pdf.Paragraph(FindingsText.None(l), pdf.Body, PdfPages.Margin, pdf.Width) + 6);
        }

        foreach (var f in r.Findings)
        {
            ReadinessPdf.Section(pdf, FindingsText.Block(f, l), FindingsText.TwoColumns(l), [1.2, 4], FindingsText.Fields(f, l).Select(x => (IReadOnlyList<string>)[x.Label, x.Value]).ToList(), l);
        }

        return pdf.Save();
    }
}
