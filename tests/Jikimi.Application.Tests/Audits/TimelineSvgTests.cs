using System.Xml.Linq;
using Jikimi.Application.Audits;

namespace Jikimi.Application.Tests.Audits;

public class TimelineSvgTests
{
    [Fact]
    public void Timeline_is_well_formed_svg_and_escapes_every_text()
    {
        var svg = TimelineSvg.Render(
            "C-<script>alert(1)</script> & \"x\"",
            new DateOnly(2026, 2, 20),
            new DateOnly(2029, 2, 19),
            "active",
            [new(new DateOnly(2027, 2, 20), "사후심사 <b>due</b>", "planned"), new(new DateOnly(2026, 2, 20), "issued", "held")],
            new DateOnly(2026, 11, 27));
        var doc = XDocument.Parse(svg); // throws when not well-formed
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Equal("C-<script>alert(1)</script> & \"x\"", doc.Root.Element(ns + "title")!.Value);
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == "2027-02-20 사후심사 <b>due</b>");
        Assert.Equal(2, doc.Descendants(ns + "circle").Count());
    }
}
