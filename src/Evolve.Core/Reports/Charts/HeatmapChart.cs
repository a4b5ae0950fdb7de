using System.Globalization;

namespace Evolve.Core.Reports.Charts;

/// <summary>
/// A rows x columns matrix of scores in [0, 1] (candidates x cases), one <c>rect</c> per cell with a
/// colour class <c>h0</c>..<c>h10</c> (the stylesheet maps them from red through grey to green).
/// Cell markup is kept short because a large run has tens of thousands of cells; per-cell tooltips
/// are only written while the matrix is small.
/// </summary>
internal static class HeatmapChart
{
    /// <summary>Cells up to which each one gets its own tooltip.</summary>
    public const int TooltipLimit = 4000;

    private const double LabelWidth = 120;

    public static string Render(string chart, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<double?[]> cells)
    {
        var cell = Math.Clamp(Math.Floor(640.0 / Math.Max(1, columns.Count)), 6, 18);
        var labels = columns.Count <= 60 && cell >= 10;
        var top = labels ? 90.0 : 16.0;
        var width = LabelWidth + (columns.Count * cell) + 8;
        var height = top + (rows.Count * cell) + 8;
        var tooltips = rows.Count * columns.Count <= TooltipLimit;
        var size = Svg.N(cell - 1);
        // Row labels shrink with the cells, so a tall matrix keeps one readable label per row instead of an overlap.
        var rowLabelStyle = cell < 12 ? $"style=\"font-size:{Svg.N(cell - 1)}px\"" : null;
        var svg = Svg.Open(chart, width, height, $"{rows.Count} candidates by {columns.Count} cases");
        for (var c = 0; c < columns.Count; c++)
        {
            var x = LabelWidth + (c * cell);
            if (labels)
            {
                var cx = Svg.N(x + (cell / 2));
                svg.Text(0, 0, Clip(columns[c], 16), null, $"transform=\"translate({cx},{Svg.N(top - 4)}) rotate(-60)\"");
            }
            else
            {
                svg.Append("<rect x=\"").Append(Svg.N(x)).Append("\" y=\"4\" width=\"").Append(size).Append("\" height=\"8\" fill=\"#eaeef2\"><title>")
                    .Append(Svg.Escape(columns[c])).Append("</title></rect>");
            }
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = top + (r * cell);
            svg.Append("<g transform=\"translate(0,").Append(Svg.N(y)).Append(")\">");
            svg.Text(LabelWidth - 4, cell - 1, rows[r], "end", rowLabelStyle);
            var row = cells[r];
            for (var c = 0; c < columns.Count; c++)
            {
                if (row[c] is not double value)
                {
                    continue;
                }

                svg.Append("<rect x=\"").Append(Svg.N(LabelWidth + (c * cell))).Append("\" width=\"").Append(size).Append("\" height=\"").Append(size)
                    .Append("\" class=\"h").Append(Bucket(value).ToString(CultureInfo.InvariantCulture)).Append('"');
                if (tooltips)
                {
                    svg.Append("><title>").Append(Svg.Escape($"{rows[r]} × {columns[c]}: {value.ToString("0.00", CultureInfo.InvariantCulture)}")).Append("</title></rect>");
                }
                else
                {
                    svg.Append("/>");
                }
            }

            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>0..10: the score rounded to a tenth.</summary>
    public static int Bucket(double score) => (int)Math.Round(Math.Clamp(score, 0, 1) * 10, MidpointRounding.AwayFromZero);

    /// <summary>The stylesheet rules for the colour classes: red (0) through grey (0.5) to green (1).</summary>
    public static string Css()
    {
        var css = new System.Text.StringBuilder();
        for (var i = 0; i <= 10; i++)
        {
            var t = i / 10.0;
            // Interpolate red -> light grey -> green so the middle reads as "neither".
            var (r, g, b) = t < 0.5
                ? Mix((207, 34, 46), (234, 238, 242), t * 2)
                : Mix((234, 238, 242), (26, 127, 55), (t - 0.5) * 2);
            css.Append(CultureInfo.InvariantCulture, $".h{i}{{fill:rgb({r},{g},{b})}}");
        }

        return css.ToString();
    }

    private static (int, int, int) Mix((int R, int G, int B) a, (int R, int G, int B) b, double t) =>
        ((int)Math.Round(a.R + ((b.R - a.R) * t)), (int)Math.Round(a.G + ((b.G - a.G) * t)), (int)Math.Round(a.B + ((b.B - a.B) * t)));

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
