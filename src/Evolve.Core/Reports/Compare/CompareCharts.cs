using Evolve.Core.Evaluation;
using System.Globalization;
using System.Text;
using Evolve.Core.Compare;
using Evolve.Core.Reports.Html;
using Evolve.Core.Stats;

namespace Evolve.Core.Reports.Compare;

/// <summary>The two inline SVG charts of compare.html: per-case differences as sorted bars, and the interval against 0.</summary>
internal static class CompareCharts
{
    private const int Width = 720;

    /// <summary>One bar per case, <paramref name="b"/> - <paramref name="a"/>, sorted ascending, on a fixed -1..+1 scale with the zero line marked.</summary>
    public static string CaseDifferences(IReadOnlyList<CaseComparison> cases, string a, string b)
    {
        const int height = 220, left = 40, right = 10, top = 10, bottom = 20;
        var plotWidth = Width - left - right;
        var plotHeight = height - top - bottom;
        double Y(double value) => top + ((1 - value) / 2 * plotHeight);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg data-chart=\"case-differences\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"Per-case score difference {HtmlPage.Escape(b)} - {HtmlPage.Escape(a)}, sorted\">"));
        foreach (var tick in new[] { 1.0, 0.5, 0.0, -0.5, -1.0 })
        {
            var stroke = tick == 0 ? "#1f2328" : "#d0d7de";
            svg.Append(Invariant($"<line x1=\"{left}\" x2=\"{Width - right}\" y1=\"{Y(tick):0.#}\" y2=\"{Y(tick):0.#}\" stroke=\"{stroke}\"/>"));
            svg.Append(Invariant($"<text x=\"{left - 4}\" y=\"{Y(tick) + 4:0.#}\" text-anchor=\"end\">{tick.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture)}</text>"));
        }

        var sorted = cases.OrderBy(c => c.Difference).ThenBy(c => c.CaseId, StringComparer.Ordinal).ToList();
        var step = sorted.Count == 0 ? 0 : (double)plotWidth / sorted.Count;
        for (var i = 0; i < sorted.Count; i++)
        {
            var d = sorted[i].Difference;
            var colour = d > PairedComparisonDefaults.TieTolerance ? HtmlStyle.Good : d < -PairedComparisonDefaults.TieTolerance ? HtmlStyle.Bad : HtmlStyle.Neutral;
            // A tie gets a sliver so every case stays visible.
            var y = Math.Min(Y(d), Y(0));
            var h = Math.Max(Math.Abs(Y(d) - Y(0)), 1.5);
            svg.Append(Invariant($"<rect x=\"{left + (i * step) + (step * 0.1):0.##}\" y=\"{y - (d == 0 ? 0.75 : 0):0.##}\" width=\"{Math.Max(step * 0.8, 0.5):0.##}\" height=\"{h:0.##}\" fill=\"{colour}\">"));
            svg.Append("<title>").Append(HtmlPage.Escape(sorted[i].CaseId)).Append(": ").Append(ScoreText.Signed(d)).Append("</title></rect>");
        }

        svg.Append(Invariant($"<text x=\"{left}\" y=\"{height - 4}\">{sorted.Count} cases, sorted by {HtmlPage.Escape(b)} - {HtmlPage.Escape(a)} (green: {HtmlPage.Escape(b)} higher, red: {HtmlPage.Escape(a)} higher, grey: tie)</text>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The bootstrap interval of the mean difference as a bar with the mean marked, against a dashed zero line.</summary>
    public static string DifferenceInterval(PairedComparisonResult s, string a, string b)
    {
        const int height = 70, left = 40, right = 40, axis = 40;
        var ci = s.DifferenceInterval;
        var span = Math.Max(0.1, Math.Max(Math.Abs(ci.Lower), Math.Abs(ci.Upper)) * 1.25);
        double X(double value) => left + ((value + span) / (2 * span) * (Width - left - right));
        var colour = ci.Lower > 0 ? HtmlStyle.Good : ci.Upper < 0 ? HtmlStyle.Bad : HtmlStyle.Neutral;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg data-chart=\"difference-interval\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"Interval of the mean difference {HtmlPage.Escape(b)} - {HtmlPage.Escape(a)} against zero\">"));
        svg.Append(Invariant($"<line x1=\"{left}\" x2=\"{Width - right}\" y1=\"{axis}\" y2=\"{axis}\" stroke=\"#d0d7de\"/>"));
        foreach (var tick in new[] { -span, -span / 2, 0, span / 2, span })
        {
            svg.Append(Invariant($"<text x=\"{X(tick):0.#}\" y=\"{height - 6}\" text-anchor=\"middle\">{ScoreText.Signed(tick)}</text>"));
        }

        svg.Append(Invariant($"<line x1=\"{X(0):0.#}\" x2=\"{X(0):0.#}\" y1=\"8\" y2=\"{axis + 10}\" stroke=\"#1f2328\" stroke-dasharray=\"4 3\"/>"));
        svg.Append(Invariant($"<rect x=\"{X(ci.Lower):0.##}\" y=\"{axis - 7}\" width=\"{Math.Max(X(ci.Upper) - X(ci.Lower), 2):0.##}\" height=\"14\" fill=\"{colour}\" fill-opacity=\"0.35\" stroke=\"{colour}\">"));
        svg.Append("<title>").Append(HtmlPage.Escape(CompareWording.Interval(ci))).Append("</title></rect>");
        svg.Append(Invariant($"<circle cx=\"{X(s.MeanDifference):0.##}\" cy=\"{axis}\" r=\"5\" fill=\"{colour}\"><title>mean {ScoreText.Signed(s.MeanDifference)}</title></circle>"));
        svg.Append(Invariant($"<text x=\"{X(s.MeanDifference):0.#}\" y=\"{axis - 12}\" text-anchor=\"middle\">mean {ScoreText.Signed(s.MeanDifference)} {HtmlPage.Escape(CompareWording.Interval(ci))}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
