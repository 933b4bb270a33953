using System.Globalization;
using System.Net;
using System.Text;
using Jikimi.Application.Assessments;
using Microsoft.AspNetCore.Html;

namespace Jikimi.Web.Ui;

/// <summary>
/// Charts drawn on the server as SVG: no chart script, nothing inline for the CSP to refuse, and the same picture in
/// the browser and in printed reports. Every label is HTML-escaped; each chart has a text alternative (aria-label).
/// </summary>
public static class SvgCharts
{
    public sealed record Bar(string Label, double? Percent, string? Href = null);

    /// <summary>Horizontal bars 0–100 % with the label on the left and the value on the right.</summary>
    public static IHtmlContent Bars(IReadOnlyList<Bar> bars, string title, int labelWidth = 260)
    {
        const int rowHeight = 28, barWidth = 360, valueWidth = 60;
        var width = labelWidth + barWidth + valueWidth;
        var height = bars.Count * rowHeight + 8;
        var alt = title + ": " + string.Join(", ", bars.Select(b => $"{b.Label} {Pct(b.Percent)}"));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(alt)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = i * rowHeight + 4;
            var w = (int)Math.Round(barWidth * Math.Clamp(b.Percent ?? 0, 0, 100) / 100.0);
            var label = Truncate(b.Label, labelWidth / 8);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\">{E(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-bg\" x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{barWidth}\" height=\"16\" rx=\"3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"{Tone(b.Percent)}\" x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w}\" height=\"16\" rx=\"3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 8}\" y=\"{y + 16}\">{E(Pct(b.Percent))}</text>");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>One stacked bar of check-item results with a legend below (rendered by the page).</summary>
    public static IHtmlContent Results(ResultCounts c, string title)
    {
        const int width = 680, height = 30;
        var parts = new (int Count, string Css, string Label)[]
        {
            (c.Fulfilled, "ok", UiText.Result("fulfilled")),
            (c.Partial, "partial", UiText.Result("partial")),
            (c.NotFulfilled, "bad", UiText.Result("not-fulfilled")),
            (c.NotApplicable, "na", UiText.Result("not-applicable")),
            (c.Unassessed, "todo", UiText.Result("unassessed")),
        };
        var total = Math.Max(1, c.Total);
        var alt = title + ": " + string.Join(", ", parts.Select(p => $"{p.Label} {p.Count}"));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(alt)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        double x = 0;
        foreach (var p in parts.Where(p => p.Count > 0))
        {
            var w = width * (double)p.Count / total;
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"{p.Css}\" x=\"{x:0.#}\" y=\"4\" width=\"{w:0.#}\" height=\"22\"><title>{E(p.Label)} {p.Count}</title></rect>");
            x += w;
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    public static string Pct(double? p) => p is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Tone(double? p) => p switch { null => "na", >= 80 => "ok", >= 50 => "partial", _ => "bad" };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
