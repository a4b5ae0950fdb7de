using System.Globalization;
using System.Text;
using Evolve.Core.Reports.Html;
using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Charts;

/// <summary>
/// The lineage tree: one column per generation, one mark per candidate. The shape says which
/// operator made it (seed square, reflect circle, numeric diamond, merge triangle), the fill says
/// its fate, and the path from the seed to the best is drawn thick in the accent colour.
/// </summary>
internal static class LineageChart
{
    private const double Column = 64, Row = 16, Margin = 24;

    public static string StatusColour(CandidateStatus status) => status switch
    {
        CandidateStatus.Pool => HtmlStyle.Good,
        CandidateStatus.Rejected => HtmlStyle.Bad,
        CandidateStatus.Guarded => "#bf8700",
        CandidateStatus.Raced => HtmlStyle.Neutral,
        CandidateStatus.Unvalidated => "#d0d7de",
        _ => HtmlStyle.Accent,
    };

    public static string Render(IReadOnlyList<LineageNode> nodes)
    {
        var positions = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        var rows = new Dictionary<int, int>();
        foreach (var node in nodes)
        {
            var row = rows.GetValueOrDefault(node.Generation);
            rows[node.Generation] = row + 1;
            positions[node.Id] = (Margin + (node.Generation * Column), Margin + (row * Row));
        }

        var width = (Margin * 2) + ((rows.Count == 0 ? 0 : rows.Keys.Max()) * Column) + 40;
        var height = (Margin * 2) + ((rows.Count == 0 ? 0 : rows.Values.Max() - 1) * Row) + 8;
        var svg = Svg.Open("lineage", width, height, "lineage tree of every candidate");
        foreach (var gen in rows.Keys.Order())
        {
            svg.Text(Margin + (gen * Column), 12, "g" + gen.ToString(CultureInfo.InvariantCulture), "middle", "class=\"muted\"");
        }

        var onPath = nodes.Where(n => n.OnBestPath).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var edges = new StringBuilder();
        var bestEdges = new StringBuilder();
        foreach (var node in nodes)
        {
            var (x, y) = positions[node.Id];
            foreach (var parent in node.Parents)
            {
                if (positions.TryGetValue(parent, out var p))
                {
                    var best = node.OnBestPath && onPath.Contains(parent);
                    (best ? bestEdges : edges).Line(p.X, p.Y, x, y, best ? HtmlStyle.Accent : "#d0d7de", best ? 2.5 : 1);
                }
            }
        }

        svg.Append(edges).Append(bestEdges);
        foreach (var node in nodes)
        {
            var (x, y) = positions[node.Id];
            svg.Append("<g class=\"node\" data-id=\"").Append(ShortId.Of(node.Id)).Append("\"><title>")
                .Append(Svg.Escape(Title(node))).Append("</title>");
            var paint = $" fill=\"{StatusColour(node.Status)}\"" + (node.OnBestPath ? $" stroke=\"{HtmlStyle.Accent}\" stroke-width=\"2\"" : string.Empty);
            svg.Append(node.Operator switch
            {
                "seed" => $"<rect x=\"{Svg.N(x - 5)}\" y=\"{Svg.N(y - 5)}\" width=\"10\" height=\"10\"{paint}/>",
                "merge" => $"<polygon points=\"{Svg.N(x)},{Svg.N(y - 6)} {Svg.N(x + 6)},{Svg.N(y + 5)} {Svg.N(x - 6)},{Svg.N(y + 5)}\"{paint}/>",
                "numeric" => $"<polygon points=\"{Svg.N(x)},{Svg.N(y - 6)} {Svg.N(x + 6)},{Svg.N(y)} {Svg.N(x)},{Svg.N(y + 6)} {Svg.N(x - 6)},{Svg.N(y)}\"{paint}/>",
                _ => $"<circle cx=\"{Svg.N(x)}\" cy=\"{Svg.N(y)}\" r=\"5\"{paint}/>",
            }).Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Title(LineageNode node) => string.Create(CultureInfo.InvariantCulture,
        $"{node.Label} {node.Operator} gen {node.Generation}: {CandidateStatusNames.Name(node.Status)}{(node.ValMean is double m ? $", val {m:0.000}" : "")}{(node.OnBestPath ? ", on the best path" : "")}");
}
