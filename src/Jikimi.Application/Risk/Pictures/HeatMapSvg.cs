using System.Text;
using Jikimi.Catalog.Model;
using static Jikimi.Application.Risk.Pictures.Svg;

namespace Jikimi.Application.Risk.Pictures;

/// <summary>
/// The heat map as SVG: likelihood left to right, impact bottom to top; a cell's colour is its position's severity
/// (green → red), its big number the open risks, the small line treated / accepted. Cells whose risks score above
/// the acceptable level get a thick border.
/// </summary>
public static class HeatMapSvg
{
    private static readonly string[] Colours = ["#c8e6c9", "#fff59d", "#ffcc80", "#ef9a9a"];

    public static string Render(HeatMapView map, Language lang)
    {
        const int cell = 90, left = 70, top = 40, bottom = 50;
        var width = left + map.Likelihoods * cell + 20;
        var height = top + map.Impacts * cell + bottom;
        var ko = lang == Language.Ko;
        var title = ko ? $"{map.Year}년 위험 히트맵" : $"{map.Year} risk heat map";
        var sb = new StringBuilder(Open(width, height, title));
        sb.Append(Text(left, 22, title, "font-size=\"15\" font-weight=\"bold\""));
        foreach (var c in map.Cells)
        {
            var x = left + (c.Likelihood - 1) * cell;
            var y = top + (map.Impacts - c.Impact) * cell;
            var severity = (double)(c.Likelihood * c.Impact) / (map.Likelihoods * map.Impacts);
            var colour = Colours[Math.Min(Colours.Length - 1, (int)(severity * Colours.Length - 0.0001))];
            var stroke = c.AboveDoa > 0 ? "stroke=\"#b71c1c\" stroke-width=\"3\"" : "stroke=\"#ffffff\" stroke-width=\"2\"";
            sb.Append($"<g class=\"cell\" data-likelihood=\"{c.Likelihood}\" data-impact=\"{c.Impact}\" data-open=\"{c.Open}\" data-accepted=\"{c.Accepted}\">");
            sb.Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{colour}\" {stroke}/>");
            sb.Append(Text(x + cell / 2.0, y + cell / 2.0 + 4, c.Open.ToString(System.Globalization.CultureInfo.InvariantCulture), "text-anchor=\"middle\" font-size=\"22\" font-weight=\"bold\""));
            if (c.Treated + c.Accepted > 0)
            {
                var small = ko ? $"조치 {c.Treated} · 수용 {c.Accepted}" : $"treated {c.Treated} · accepted {c.Accepted}";
                sb.Append(Text(x + cell / 2.0, y + cell - 10, small, "text-anchor=\"middle\" font-size=\"10\""));
            }

            sb.Append("</g>");
        }

        for (var l = 1; l <= map.Likelihoods; l++)
        {
            sb.Append(Text(left + (l - 0.5) * cell, top + map.Impacts * cell + 16, l.ToString(System.Globalization.CultureInfo.InvariantCulture), "text-anchor=\"middle\""));
        }

        for (var i = 1; i <= map.Impacts; i++)
        {
            sb.Append(Text(left - 10, top + (map.Impacts - i + 0.5) * cell + 4, i.ToString(System.Globalization.CultureInfo.InvariantCulture), "text-anchor=\"end\""));
        }

        sb.Append(Text(left + map.Likelihoods * cell / 2.0, height - 12, ko ? "가능성 (위협 × 취약성)" : "Likelihood (threat × vulnerability)", "text-anchor=\"middle\""));
        sb.Append(Text(16, top + map.Impacts * cell / 2.0, ko ? "영향 (자산 가치)" : "Impact (asset value)", $"text-anchor=\"middle\" transform=\"rotate(-90 16 {N(top + map.Impacts * cell / 2.0)})\""));
        sb.Append("</svg>");
        return sb.ToString();
    }
}
