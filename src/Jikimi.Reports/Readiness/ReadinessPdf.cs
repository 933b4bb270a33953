using System.Globalization;
using Jikimi.Reports.Pdf;
using PdfSharp.Drawing;

namespace Jikimi.Reports.Readiness;

/// <summary>The readiness report as PDF (A4, NanumGothic embedded; charts as vector bars).</summary>
public static class ReadinessPdf
{
    public static byte[] Render(ReadinessReport r)
    {
        var l = r.Lang;
        using var pdf = new PdfPages($"{r.Organization} — {ReportText.Title(l)}");
        pdf.Heading(ReportText.Title(l), pdf.H1, 2);
        pdf.Gap(pdf.Paragraph($"{r.Organization} · {r.Assessment} · {r.Criteria} · {ReportText.Generated(l)} {r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", pdf.Body, PdfPages.Margin, pdf.Width) + 8);

        pdf.Heading(ReportText.Summary(l), pdf.H2);
        pdf.Table(l == Catalog.Model.Language.Ko ? ["항목", "값"] : ["Item", "Value"], [3, 2], ReportText.SummaryLines(r).Select(x => (IReadOnlyList<string>)[x.Label, x.Value]).ToList());

        pdf.Heading(ReportText.ByDomain(l), pdf.H2);
        pdf.Bars(r.Domains.Select(b => (b.Title, b.Readiness, XColor.FromArgb(Hex(ReadinessHtml.Color(b.Readiness))))).ToList());
        pdf.Heading(ReportText.BySubdomain(l), pdf.H2);
        pdf.Bars(r.Subdomains.Select(b => (b.Title, b.Readiness, XColor.FromArgb(Hex(ReadinessHtml.Color(b.Readiness))))).ToList());

        Section(pdf, ReportText.Gaps(l), ReportText.GapColumns(l), [1.1, 4, 1.4, 1, 1, 1, 1.2], r.Gaps.Select(g => ReportText.GapCells(g, l)).ToList(), l);
        Section(pdf, ReportText.Expiring(l), ReportText.ExpiringColumns(l), [5, 1.5, 1.5], r.ExpiringEvidence.Select(e => ReportText.ExpiringCells(e, l)).ToList(), l);
        foreach (var s in r.Sections)
        {
            Section(pdf, s.Title, s.Columns, s.Columns.Select(_ => 1.0).ToList(), s.Rows, l, s.Note);
        }

        return pdf.Save();
    }

    /// <summary>A heading, an optional note, and a table (or "none"); the findings report uses it too.</summary>
    internal static void Section(PdfPages pdf, string title, IReadOnlyList<string> columns, IReadOnlyList<double> widths, IReadOnlyList<IReadOnlyList<string>> rows, Catalog.Model.Language l, string? note = null)
    {
        pdf.Heading(title, pdf.H2);
        if (note is not null)
        {
            pdf.Gap(pdf.Paragraph(note, pdf.Body, PdfPages.Margin, pdf.Width) + 4);
        }

        if (rows.Count == 0)
        {
            pdf.Gap(pdf.Paragraph(ReportText.None(l), pdf.Body, PdfPages.Margin, pdf.Width) + 6);
            return;
        }

        pdf.Table(columns, widths, rows);
    }

    private static int Hex(string color) => unchecked((int)(0xFF000000 | uint.Parse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
}
