using System.Globalization;
using System.Text;
using Jikimi.Catalog.Model;
using static Jikimi.Application.Risk.Pictures.Svg;

namespace Jikimi.Application.Risk.Pictures;

/// <summary>Risks by criteria sub-domain as horizontal bars: the part above the acceptable level in red.</summary>
public static class RisksByDomainSvg
{
    public static string Render(RisksByDomainView view, Language lang)
    {
        const int row = 28, left = 230, barMax = 360, top = 40;
        var ko = lang == Language.Ko;
        var title = ko ? $"{view.Year}년 영역별 위험" : $"{view.Year} risks by domain";
        var height = top + Math.Max(1, view.Domains.Count) * row + 30;
        var max = Math.Max(1, view.Domains.Count == 0 ? 1 : view.Domains.Max(d => d.Total));
        var sb = new StringBuilder(Open(left + barMax + 90, height, title));
        sb.Append(Text(10, 22, title, "font-size=\"15\" font-weight=\"bold\""));
        if (view.Domains.Count == 0)
        {
            sb.Append(Text(10, top + 18, ko ? "위험이 아직 없습니다." : "No risks yet."));
        }

        for (var i = 0; i < view.Domains.Count; i++)
        {
            var d = view.Domains[i];
            var y = top + i * row;
            var label = (d.Subdomain == "-" ? string.Empty : d.Subdomain + " ") + (ko ? d.TitleKo : d.TitleEn);
            var total = d.Total * barMax / (double)max;
            var above = d.AboveDoa * barMax / (double)max;
            sb.Append($"<g class=\"domain\" data-subdomain=\"{Escape(d.Subdomain)}\" data-total=\"{d.Total}\" data-above-doa=\"{d.AboveDoa}\">");
            sb.Append(Text(left - 8, y + 17, Clip(label, 28), "text-anchor=\"end\""));
            sb.Append($"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{N(total)}\" height=\"{row - 8}\" fill=\"#90caf9\"/>");
            sb.Append($"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{N(above)}\" height=\"{row - 8}\" fill=\"#e57373\"/>");
            sb.Append(Text(left + total + 6, y + 17, string.Create(CultureInfo.InvariantCulture, $"{d.Total} ({d.AboveDoa})")));
            sb.Append("</g>");
        }

        sb.Append(Text(10, height - 8, ko ? "막대: 위험 수 (괄호: 허용 수준 초과, 빨강)" : "Bars: risks (in brackets: above the acceptable level, red)", "font-size=\"11\""));
        sb.Append("</svg>");
        return sb.ToString();
    }
}
