using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Jikimi.Reports.Pdf;

/// <summary>A4 pages with a top-to-bottom cursor: headings, wrapped text, tables and horizontal bars; new pages as needed.</summary>
internal sealed class PdfPages : IDisposable
{
    public const double Margin = 42;
    private readonly PdfDocument _doc = new();
    private XGraphics? _gfx;
    private PdfPage? _page;

    public PdfPages(string title)
    {
        HangulFonts.EnsureInstalled();
        _doc.Info.Title = title;
        _doc.Info.Creator = "Jikimi";
        Body = new XFont(HangulFonts.Family, 9.5);
        Small = new XFont(HangulFonts.Family, 8);
        Bold = new XFont(HangulFonts.Family, 9.5, XFontStyleEx.Bold);
        H1 = new XFont(HangulFonts.Family, 18, XFontStyleEx.Bold);
        H2 = new XFont(HangulFonts.Family, 12.5, XFontStyleEx.Bold);
        NewPage();
    }

    public XFont Body { get; }
    public XFont Small { get; }
    public XFont Bold { get; }
    public XFont H1 { get; }
    public XFont H2 { get; }
    public double Y { get; private set; }
    public double Width => _page!.Width.Point - (2 * Margin);
    private XGraphics G => _gfx!;

    public void NewPage()
    {
        _gfx?.Dispose();
        _page = _doc.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        Y = Margin;
        var number = _doc.PageCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        G.DrawString(number, Small, XBrushes.Gray, new XRect(0, _page.Height.Point - 28, _page.Width.Point, 12), XStringFormats.Center);
    }

    public void Need(double height)
    {
        if (Y + height > _page!.Height.Point - Margin)
        {
            NewPage();
        }
    }

    public void Gap(double h) => Y += h;

    public void Heading(string text, XFont font, double after = 6)
    {
        Need((font.Size * 3) + 50); // keep a heading with the start of its content
        G.DrawString(text, font, XBrushes.Black, new XRect(Margin, Y, Width, font.Size * 1.4), XStringFormats.TopLeft);
        Y += (font.Size * 1.4) + after;
        if (ReferenceEquals(font, H2))
        {
            G.DrawLine(new XPen(XColor.FromArgb(0x2f, 0x55, 0x97), 1.2), Margin, Y - after + 1, Margin + Width, Y - after + 1);
            Y += 3;
        }
    }

    /// <summary>Wrapped text in a box; returns the height used.</summary>
    public double Paragraph(string text, XFont font, double x, double width, bool draw = true, double y = double.NaN)
    {
        var lines = Wrap(text, font, width - 4);
        var h = (lines.Count * font.Size * 1.3) + 2;
        if (draw)
        {
            var top = double.IsNaN(y) ? Y : y;
            for (var i = 0; i < lines.Count; i++)
            {
                G.DrawString(lines[i], font, XBrushes.Black, new XRect(x + 2, top + 1 + (i * font.Size * 1.3), width - 4, font.Size * 1.3), XStringFormats.TopLeft);
            }
        }

        return h;
    }

    /// <summary>Line breaking by measured width: at spaces where possible, else between characters (Hangul words can be long).</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var raw in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in raw.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (G.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = string.Empty;
                foreach (var ch in word)
                {
                    if (G.MeasureString(line + ch, font).Width > width && line.Length > 0)
                    {
                        lines.Add(line);
                        line = string.Empty;
                    }

                    line += ch;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public void Table(IReadOnlyList<string> columns, IReadOnlyList<double> widths, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var total = widths.Sum();
        var w = widths.Select(x => x / total * Width).ToArray();
        void Row(IReadOnlyList<string> cells, XFont font, bool header)
        {
            var h = cells.Select((c, i) => Paragraph(c, font, 0, w[i], draw: false)).Max() + 2;
            Need(h);
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var rect = new XRect(x, Y, w[i], h);
                if (header)
                {
                    G.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xd9, 0xe1, 0xf2)), rect);
                }

                G.DrawRectangle(new XPen(XColors.Gray, 0.5), rect);
                Paragraph(cells[i], font, x, w[i], draw: true, y: Y + 1);
                x += w[i];
            }

            Y += h;
        }

        Row(columns, Bold, header: true);
        foreach (var r in rows)
        {
            Row(r, Body, header: false);
        }

        Y += 6;
    }

    /// <summary>A horizontal bar chart: label, bar scaled to 100 %, value.</summary>
    public void Bars(IReadOnlyList<(string Label, double? Value, XColor Color)> bars)
    {
        const double row = 17;
        var labelWidth = Width * 0.46;
        var barWidth = Width * 0.42;
        foreach (var (label, value, color) in bars)
        {
            Need(row);
            Paragraph(label, Small, Margin, labelWidth, draw: true, y: Y + 2);
            G.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xe7, 0xe6, 0xe6)), new XRect(Margin + labelWidth, Y + 3, barWidth, row - 6));
            G.DrawRectangle(new XSolidBrush(color), new XRect(Margin + labelWidth, Y + 3, barWidth * Math.Clamp(value ?? 0, 0, 100) / 100, row - 6));
            G.DrawString(Readiness.ReportText.Percent(value), Small, XBrushes.Black, new XRect(Margin + labelWidth + barWidth + 6, Y + 2, 60, row - 4), XStringFormats.TopLeft);
            Y += row;
        }

        Y += 6;
    }

    public byte[] Save()
    {
        _gfx?.Dispose();
        _gfx = null;
        using var ms = new MemoryStream();
        _doc.Save(ms, false);
        return ms.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _doc.Dispose();
    }
}
