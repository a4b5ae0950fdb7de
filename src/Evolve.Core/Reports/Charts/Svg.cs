using System.Globalization;
using System.Net;
using System.Text;

namespace Evolve.Core.Reports.Charts;

/// <summary>
/// Small building blocks for inline SVG: invariant numbers with at most one decimal (coordinates
/// need no more, and short attributes keep big reports small) and escaped text.
/// </summary>
internal static class Svg
{
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Opens an <c>svg</c> element that a browser test can find by <c>data-chart</c>.</summary>
    public static StringBuilder Open(string chart, double width, double height, string label) =>
        new StringBuilder()
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-").Append(chart).Append("\" data-chart=\"").Append(chart)
            .Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" width=\"").Append(N(width))
            .Append("\" height=\"").Append(N(height)).Append("\" role=\"img\" aria-label=\"").Append(Escape(label)).Append("\">");

    public static StringBuilder Text(this StringBuilder svg, double x, double y, string text, string? anchor = null, string? extra = null)
    {
        svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (anchor is not null)
        {
            svg.Append(" text-anchor=\"").Append(anchor).Append('"');
        }

        if (extra is not null)
        {
            svg.Append(' ').Append(extra);
        }

        return svg.Append('>').Append(Escape(text)).Append("</text>");
    }

    public static StringBuilder Line(this StringBuilder svg, double x1, double y1, double x2, double y2, string stroke, double width = 1) =>
        svg.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width)).Append("\"/>");

    /// <summary>A y axis for scores in [0, 1] with ticks every 0.25 and light grid lines.</summary>
    public static StringBuilder ScoreAxis(this StringBuilder svg, double left, double top, double plotWidth, double plotHeight)
    {
        for (var tick = 0.0; tick <= 1.0001; tick += 0.25)
        {
            var y = top + ((1 - tick) * plotHeight);
            svg.Line(left, y, left + plotWidth, y, "#eaeef2");
            svg.Text(left - 6, y + 4, tick.ToString("0.00", CultureInfo.InvariantCulture), "end");
        }

        return svg.Line(left, top, left, top + plotHeight, "#8c959f").Line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#8c959f");
    }
}
