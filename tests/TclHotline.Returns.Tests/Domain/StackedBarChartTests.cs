using System.Xml.Linq;
using TclHotline.Returns.Api;
using TclHotline.Returns.Application;
using TclHotline.Testing;

namespace TclHotline.Returns.Tests.Domain;

/// <summary>The report's own SVG renderer: well-formed, every number drawn where it says, no text unescaped.</summary>
public sealed class StackedBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartSeries[] Series = [new("kept", "kept", "#2e7d32"), new("missed", "missed <late>", "#c62828")];

    [Fact]
    public void Stacked_bars_are_drawn_bottom_up_in_proportion_with_their_values_and_notes()
    {
        var svg = XDocument.Parse(new StackedBarChart("commitments", "Kept & missed", Series,
            [new("2025-02", [3, 1], "75 %"), new("2025-03", [6, 2])], "none").ToSvg());

        var bars = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "bar").ToList();
        Assert.Equal(["2025-02", "2025-03"], bars.Select(b => (string)b.Attribute("data-label")!));
        var march = bars[1].Elements(Svg + "rect").ToList();
        Assert.Equal(["6", "2"], march.Select(r => (string)r.Attribute("data-value")!));
        double Height(XElement r) => double.Parse((string)r.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        double Y(XElement r) => double.Parse((string)r.Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3.0, Height(march[0]) / Height(march[1]), tolerance: 0.01);
        Assert.Equal(Y(march[1]) + Height(march[1]), Y(march[0]), tolerance: 0.2); // missed sits on kept
        Assert.Equal(2.0, Height(march[0]) / Height(bars[0].Elements(Svg + "rect").First()), tolerance: 0.01);
        Assert.Equal("75 %", bars[0].Elements(Svg + "text").First(t => (string?)t.Attribute("class") == "note").Value);
        Assert.Equal("8", bars[1].Elements(Svg + "text").First(t => (string?)t.Attribute("class") == "note").Value);
        Assert.Equal("Kept & missed", svg.Root!.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "missed <late>");
    }

    [Fact]
    public void A_chart_with_nothing_to_show_says_so_and_draws_no_bar()
    {
        var svg = XDocument.Parse(new StackedBarChart("aging", "Aging", Series, [new("CS-GM-001", [0, 0])], "No units in stock.").ToSvg());

        Assert.DoesNotContain(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "bar");
        Assert.Equal("No units in stock.", svg.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "empty").Value);
    }

    [Fact]
    public void A_bar_with_a_value_missing_for_a_series_is_refused()
    {
        var chart = new StackedBarChart("x", "x", Series, [new("2025-03", [1])], "none");

        Assert.Throws<ArgumentException>(() => chart.ToSvg());
    }

    [Fact]
    public void Every_statement_of_the_commitments_projection_parses_as_TSql()
    {
        Assert.All(CommitmentOutcomes.Statements, sql => Assert.Empty(SqlServerSyntax.Errors(sql)));
    }
}
