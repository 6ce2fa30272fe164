using System.Globalization;
using System.Net;
using System.Text;

namespace TclHotline.Returns.Application;

/// <summary>One stacked part of every bar: a key for the page and tests, the name the legend shows, its colour.</summary>
public sealed record ChartSeries(string Key, string Name, string Color);

/// <summary>One bar: its label under the axis, one count per series (in series order), and an optional note above it.</summary>
public sealed record ChartBar(string Label, IReadOnlyList<int> Values, string? Note = null);

/// <summary>
/// A stacked bar chart drawn as inline SVG, with no script and no outside resource: the branch report must
/// render from the service alone (no CDN). Every part carries data attributes so a test or a script can read
/// exactly what is drawn.
/// </summary>
public sealed record StackedBarChart(string Id, string Title, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBar> Bars, string EmptyText)
{
    private const int Width = 560, Height = 300;
    private const int Left = 44, Right = 12, Top = 44, Bottom = 48;
    private const int PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;

    public string ToSvg()
    {
        foreach (var bar in Bars)
        {
            if (bar.Values.Count != Series.Count)
            {
                throw new ArgumentException($"bar '{bar.Label}' has {bar.Values.Count} values for {Series.Count} series");
            }
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" id="{Escape(Id)}" class="chart" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="{Escape(Title)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{Escape(Title)}</title>""");
        Legend(svg);

        var max = Bars.Select(b => b.Values.Sum()).DefaultIfEmpty(0).Max();
        if (max == 0)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text class="empty" x="{Width / 2}" y="{Top + PlotHeight / 2}" text-anchor="middle" fill="#666">{Escape(EmptyText)}</text>""");
            return svg.Append("</svg>").ToString();
        }

        var step = TickStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        Axis(svg, step, top);

        var slot = PlotWidth / (double)Bars.Count;
        var barWidth = Math.Min(56, slot * 0.6);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var x = Left + slot * i + (slot - barWidth) / 2;
            var y = (double)(Top + PlotHeight);
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="bar" data-label="{Escape(bar.Label)}" data-total="{bar.Values.Sum()}">""");
            for (var s = 0; s < Series.Count; s++)
            {
                var value = bar.Values[s];
                var height = PlotHeight * value / (double)top;
                y -= height;
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<rect data-series="{Escape(Series[s].Key)}" data-value="{value}" x="{N(x)}" y="{N(y)}" width="{N(barWidth)}" height="{N(height)}" fill="{Escape(Series[s].Color)}"><title>{Escape($"{bar.Label} · {Series[s].Name}: {value}")}</title></rect>""");
            }

            var note = bar.Note ?? bar.Values.Sum().ToString(CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text class="note" x="{N(x + barWidth / 2)}" y="{N(y - 4)}" text-anchor="middle" font-size="11">{Escape(note)}</text>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text class="label" x="{N(x + barWidth / 2)}" y="{Top + PlotHeight + 16}" text-anchor="middle" font-size="11">{Escape(bar.Label)}</text>""");
            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private void Legend(StringBuilder svg)
    {
        var x = Left;
        foreach (var series in Series)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<g class="legend" data-series="{Escape(series.Key)}"><rect x="{x}" y="12" width="12" height="12" fill="{Escape(series.Color)}"/><text x="{x + 16}" y="22" font-size="12">{Escape(series.Name)}</text></g>""");
            x += 28 + series.Name.Sum(c => c > '\u2e80' ? 12 : 7);
        }
    }

    private static void Axis(StringBuilder svg, int step, int top)
    {
        for (var tick = 0; tick <= top; tick += step)
        {
            var y = Top + PlotHeight - PlotHeight * tick / (double)top;
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line class="grid" x1="{Left}" x2="{Width - Right}" y1="{N(y)}" y2="{N(y)}" stroke="#ddd"/><text class="tick" x="{Left - 6}" y="{N(y + 4)}" text-anchor="end" font-size="11">{tick}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"""<line class="axis" x1="{Left}" x2="{Width - Right}" y1="{Top + PlotHeight}" y2="{Top + PlotHeight}" stroke="#333"/>""");
    }

    /// <summary>A 1-2-5 step giving at most five grid lines above zero.</summary>
    private static int TickStep(int max)
    {
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (max <= factor * magnitude * 5)
                {
                    return factor * magnitude;
                }
            }
        }
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
