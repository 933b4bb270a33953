using System.Text;
using Jikimi.Catalog.Model;
using Jikimi.Domain.Risk;
using static Jikimi.Application.Risk.Pictures.Svg;

namespace Jikimi.Application.Flows;

/// <summary>
/// A service's personal-information flow diagram drawn from its lifecycle table: one column per stage
/// (collection → retention/use → provision/entrustment → destruction) joined by arrows, each box listing the
/// items, systems, recipients and legal basis of that stage's rows.
/// </summary>
public static class FlowDiagramSvg
{
    public static string Render(ServiceFlowView service, Language lang)
    {
        const int col = 230, gap = 40, left = 20, top = 60, line = 16;
        var ko = lang == Language.Ko;
        var stages = Enum.GetValues<LifecycleStage>();
        var boxes = stages.Select(s => Lines(service.Rows.Where(r => r.Stage == s.ToWire()).ToList(), ko)).ToList();
        var boxHeight = Math.Max(80, (boxes.Max(b => b.Count) + 1) * line + 20);
        var width = left * 2 + stages.Length * col + (stages.Length - 1) * gap;
        var height = top + boxHeight + 30;
        var title = (ko ? "개인정보 흐름도 — " : "Personal-information flow — ") + service.Service;
        var sb = new StringBuilder(Open(width, height, title));
        sb.Append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"10\" refX=\"9\" refY=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#455a64\"/></marker></defs>");
        sb.Append(Text(left, 26, title, "font-size=\"15\" font-weight=\"bold\""));
        for (var i = 0; i < stages.Length; i++)
        {
            var x = left + i * (col + gap);
            var empty = boxes[i].Count == 0;
            sb.Append($"<g class=\"stage\" data-stage=\"{stages[i].ToWire()}\">");
            sb.Append($"<rect x=\"{x}\" y=\"{top}\" width=\"{col}\" height=\"{boxHeight}\" rx=\"8\" fill=\"{(empty ? "#f5f5f5" : "#e3f2fd")}\" stroke=\"#455a64\"{(empty ? " stroke-dasharray=\"4 3\"" : string.Empty)}/>");
            sb.Append(Text(x + col / 2.0, top + 20, ko ? stages[i].TitleKo() : stages[i].TitleEn(), "text-anchor=\"middle\" font-weight=\"bold\""));
            var y = top + 20 + line;
            foreach (var text in empty ? [ko ? "(없음)" : "(none)"] : boxes[i])
            {
                sb.Append(Text(x + 10, y, Clip(text, 32)));
                y += line;
            }

            sb.Append("</g>");
            if (i < stages.Length - 1)
            {
                var ay = top + boxHeight / 2.0;
                sb.Append($"<line x1=\"{x + col}\" y1=\"{N(ay)}\" x2=\"{x + col + gap - 2}\" y2=\"{N(ay)}\" stroke=\"#455a64\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>");
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static List<string> Lines(List<FlowRowView> rows, bool ko)
    {
        var lines = new List<string>();
        foreach (var r in rows)
        {
            lines.Add("• " + r.Items);
            if (r.Systems is { } s)
            {
                lines.Add((ko ? "  시스템: " : "  Systems: ") + s);
            }

            if (r.Recipients is { } rc)
            {
                lines.Add((ko ? "  수령자: " : "  Recipients: ") + rc);
            }

            if (r.LegalBasis is { } b)
            {
                lines.Add((ko ? "  근거: " : "  Basis: ") + b);
            }
        }

        return lines;
    }
}
