using System.Globalization;

namespace Evolve.Core.Reports.Charts;

/// <summary>
/// A step line of a running best (y in [0, 1]) against a count (x): the best validation score
/// against rollouts spent. Each point is drawn as a dot with a tooltip, joined by horizontal-then-
/// vertical steps, because the best only changes when a candidate finishes validation.
/// </summary>
internal static class StepChart
{
    private const double Width = 720, Height = 260, Left = 48, Right = 16, Top = 12, Bottom = 36;

    /// <summary>Renders the points on an x axis up to <paramref name="xMax"/>; the last level runs on to <paramref name="xEnd"/> (what was spent so far).</summary>
    public static string Render(string chart, IReadOnlyList<(double X, double Y)> points, double xMax, double xEnd, string xLabel, string yLabel)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var maxX = Math.Max(1, Math.Max(xMax, points.Count == 0 ? 0 : points.Max(p => p.X)));
        double Px(double x) => Left + (x / maxX * plotWidth);
        double Py(double y) => Top + ((1 - Math.Clamp(y, 0, 1)) * plotHeight);

        var svg = Svg.Open(chart, Width, Height, $"{yLabel} against {xLabel}").ScoreAxis(Left, Top, plotWidth, plotHeight);
        for (var i = 0; i <= 4; i++)
        {
            var x = maxX * i / 4;
            svg.Text(Px(x), Top + plotHeight + 14, Math.Round(x).ToString(CultureInfo.InvariantCulture), "middle");
        }

        svg.Text(Left + (plotWidth / 2), Height - 4, xLabel, "middle").Text(12, Top + (plotHeight / 2), yLabel, "middle", $"transform=\"rotate(-90 12 {Svg.N(Top + (plotHeight / 2))})\"");
        if (points.Count > 0)
        {
            svg.Append("<path fill=\"none\" stroke=\"").Append(Html.HtmlStyle.Accent).Append("\" stroke-width=\"2\" d=\"M").Append(Svg.N(Px(points[0].X))).Append(',').Append(Svg.N(Py(points[0].Y)));
            for (var i = 1; i < points.Count; i++)
            {
                svg.Append('H').Append(Svg.N(Px(points[i].X))).Append('V').Append(Svg.N(Py(points[i].Y)));
            }

            svg.Append('H').Append(Svg.N(Px(Math.Clamp(xEnd, points[^1].X, maxX)))).Append("\"/>");
            foreach (var (x, y) in points)
            {
                svg.Append("<circle class=\"pt\" cx=\"").Append(Svg.N(Px(x))).Append("\" cy=\"").Append(Svg.N(Py(y))).Append("\" r=\"3\" fill=\"").Append(Html.HtmlStyle.Accent)
                    .Append("\"><title>").Append(string.Create(CultureInfo.InvariantCulture, $"{x:0} rollouts: {y:0.000}")).Append("</title></circle>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
