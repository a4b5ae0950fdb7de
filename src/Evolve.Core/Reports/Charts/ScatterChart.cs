using System.Globalization;
using Evolve.Core.Reports.Html;

namespace Evolve.Core.Reports.Charts;

/// <summary>
/// A scatter of scores in [0, 1] against a non-negative quantity (the Pareto chart: mean validation
/// score against prompt length). Marked points are filled, others hollow, highlighted ones ringed.
/// </summary>
internal static class ScatterChart
{
    private const double Width = 720, Height = 300, Left = 48, Right = 16, Top = 12, Bottom = 36;

    public static string Render(string chart, IReadOnlyList<ScatterPoint> points, string xLabel, string yLabel)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var minX = points.Count == 0 ? 0 : points.Min(p => p.X);
        var maxX = points.Count == 0 ? 1 : points.Max(p => p.X);
        var span = Math.Max(1, maxX - minX);
        // A little room either side so the extreme points are not cut by the axes.
        minX = Math.Max(0, minX - (span * 0.05));
        span *= 1.1;
        double Px(double x) => Left + ((x - minX) / span * plotWidth);
        double Py(double y) => Top + ((1 - Math.Clamp(y, 0, 1)) * plotHeight);

        var svg = Svg.Open(chart, Width, Height, $"{yLabel} against {xLabel}").ScoreAxis(Left, Top, plotWidth, plotHeight);
        for (var i = 0; i <= 4; i++)
        {
            var x = minX + (span * i / 4);
            svg.Text(Px(x), Top + plotHeight + 14, Math.Round(x).ToString(CultureInfo.InvariantCulture), "middle");
        }

        svg.Text(Left + (plotWidth / 2), Height - 4, xLabel, "middle").Text(12, Top + (plotHeight / 2), yLabel, "middle", $"transform=\"rotate(-90 12 {Svg.N(Top + (plotHeight / 2))})\"");
        // Unmarked first, so front members are drawn on top.
        foreach (var p in points.OrderBy(p => p.Marked).ThenBy(p => p.Highlighted))
        {
            svg.Append("<circle class=\"pt\" cx=\"").Append(Svg.N(Px(p.X))).Append("\" cy=\"").Append(Svg.N(Py(p.Y))).Append("\" r=\"").Append(p.Highlighted ? "6" : "4")
                .Append("\" fill=\"").Append(p.Marked ? HtmlStyle.Accent : "none")
                .Append("\" stroke=\"").Append(p.Highlighted ? "#1f2328" : p.Marked ? HtmlStyle.Accent : HtmlStyle.Neutral)
                .Append("\" stroke-width=\"").Append(p.Highlighted ? "2\"" : "1\"")
                .Append("><title>").Append(Svg.Escape(p.Label)).Append("</title></circle>");
        }

        return svg.Append("</svg>").ToString();
    }
}
