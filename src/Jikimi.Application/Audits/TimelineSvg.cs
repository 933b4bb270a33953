using System.Globalization;
using System.Text;
using Jikimi.Application.Data;
using Jikimi.Domain.Audits;
using Jikimi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Jikimi.Application.Audits;

/// <summary>One mark on the certificate timeline.</summary>
public sealed record TimelineMark(DateOnly On, string Label, string Kind);

/// <summary>
/// Draws a certificate's cycle as SVG: the validity bar from issue to expiry, each audit (planned at its due day,
/// held at its last day), suspensions and today. Plain string building; every text is XML-escaped, so names typed
/// by users cannot inject markup or script.
/// </summary>
public static class TimelineSvg
{
    private const int Width = 960;
    private const int Left = 40;
    private const int Right = 40;
    private const int BarY = 90;

    public static string Render(string title, DateOnly issuedOn, DateOnly expiresOn, string status, IReadOnlyList<TimelineMark> marks, DateOnly today)
    {
        var start = issuedOn.AddMonths(-1);
        var end = expiresOn.AddMonths(1);
        var span = Math.Max(1, end.DayNumber - start.DayNumber);
        double X(DateOnly d) => Left + ((Width - Left - Right) * (double)(Math.Clamp(d.DayNumber, start.DayNumber, end.DayNumber) - start.DayNumber) / span);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var height = 170 + (marks.Count * 18);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" role="img" aria-labelledby="t">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<title id="t">{Escape(title)}</title>""");
        // Presentation attributes only: an inline <style> would be refused by the page's CSP (style-src 'self').
        sb.Append("""<g font-family="'Noto Sans KR','NanumGothic',sans-serif" font-size="12" fill="#1f2933">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text font-size="15" font-weight="bold" x="{Left}" y="24">{Escape(title)} — {Escape(status)}</text>""");
        var barColor = status switch { "active" => "#2f855a", "suspended" => "#b7791f", "revoked" => "#c53030", _ => "#718096" };
        sb.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(X(issuedOn))}" y="{BarY - 8}" width="{N(X(expiresOn) - X(issuedOn))}" height="16" rx="4" fill="{barColor}" opacity="0.85"/>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text font-size="11" fill="#52606d" x="{N(X(issuedOn))}" y="{BarY - 14}">{issuedOn:yyyy-MM-dd}</text>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<text font-size="11" fill="#52606d" x="{N(X(expiresOn))}" y="{BarY - 14}" text-anchor="end">{expiresOn:yyyy-MM-dd}</text>""");
        for (var y = issuedOn.Year; y <= expiresOn.Year + 1; y++)
        {
            var d = new DateOnly(y, 1, 1);
            if (d > start && d < end)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{N(X(d))}" y1="{BarY + 12}" x2="{N(X(d))}" y2="{BarY + 18}" stroke="#9aa5b1"/><text font-size="11" fill="#52606d" x="{N(X(d))}" y="{BarY + 30}" text-anchor="middle">{y}</text>""");
            }
        }

        if (today >= start && today <= end)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{N(X(today))}" y1="{BarY - 30}" x2="{N(X(today))}" y2="{BarY + 40}" stroke="#2b6cb0" stroke-dasharray="4 3"/><text font-size="11" fill="#52606d" x="{N(X(today))}" y="{BarY - 34}" text-anchor="middle">오늘 today {today:yyyy-MM-dd}</text>""");
        }

        var row = 0;
        foreach (var m in marks.OrderBy(m => m.On))
        {
            var color = m.Kind switch { "held" => "#2f855a", "planned" => "#2b6cb0", "overdue" => "#c53030", _ => "#b7791f" };
            var x = N(X(m.On));
            var ly = 150 + (row++ * 18);
            sb.Append(CultureInfo.InvariantCulture, $"""<circle cx="{x}" cy="{BarY}" r="6" fill="#fff" stroke="{color}" stroke-width="3"/>""");
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{x}" y1="{BarY + 6}" x2="{x}" y2="{ly - 4}" stroke="{color}" stroke-width="1" opacity="0.5"/>""");
            // Labels near the right edge run leftwards, so none is cut off.
            var anchor = X(m.On) > Width * 0.6 ? "end" : "start";
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{x}" y="{ly}" fill="{color}" text-anchor="{anchor}">{m.On:yyyy-MM-dd} {Escape(m.Label)}</text>""");
        }

        sb.Append("</g></svg>");
        return sb.ToString();
    }

    /// <summary>XML text and attribute escaping (the five predefined entities); control characters are dropped.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case var c when char.IsControl(c) && c is not ('\n' or '\t'): break;
                default: sb.Append(ch); break;
            }
        }

        return sb.ToString();
    }
}
