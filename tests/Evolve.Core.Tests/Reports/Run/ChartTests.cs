using System.Xml.Linq;
using Evolve.Core.Reports.Charts;
using Evolve.Core.Runs;

namespace Evolve.Core.Tests.Reports.Run;

public sealed class ChartTests
{
    private static readonly XNamespace S = "http://www.w3.org/2000/svg";

    [Fact]
    public void StepChart_ThreePoints_ParsesAsXmlWithOneMarkerPerPointAndTheChartName()
    {
        var svg = XElement.Parse(StepChart.Render("score-vs-rollouts", [(10, 0.5), (40, 0.625), (90, 0.875)], 100, 95, "rollouts", "best"));

        Assert.Equal("score-vs-rollouts", (string?)svg.Attribute("data-chart"));
        Assert.Equal("chart-score-vs-rollouts", (string?)svg.Attribute("id"));
        var markers = svg.Elements(S + "circle").ToList();
        Assert.Equal(3, markers.Count);
        Assert.Equal(["10 rollouts: 0.500", "40 rollouts: 0.625", "90 rollouts: 0.875"], markers.Select(m => m.Element(S + "title")!.Value));
        // Higher scores sit higher on the page (smaller y).
        var ys = markers.Select(m => double.Parse((string)m.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2], string.Join(",", ys));
    }

    [Fact]
    public void StepChart_NoPoints_ParsesAsXmlWithoutPath()
    {
        var svg = XElement.Parse(StepChart.Render("score-vs-rollouts", [], 0, 0, "rollouts", "best"));

        Assert.Empty(svg.Elements(S + "path"));
        Assert.Empty(svg.Elements(S + "circle"));
    }

    [Fact]
    public void LineageChart_FiveCandidates_OneNodeEachWithOperatorShapeAndThickEdgesOnlyOnTheBestPath()
    {
        LineageNode[] nodes =
        [
            new("s", "s", [], 0, "seed", CandidateStatus.Pool, 0.4, true),
            new("a", "a", ["s"], 1, "reflect", CandidateStatus.Pool, 0.6, true),
            new("b", "b", ["s"], 1, "reflect", CandidateStatus.Rejected, null, false),
            new("m", "m", ["a", "b"], 2, "merge", CandidateStatus.Guarded, null, false),
            new("d", "d", ["a"], 2, "numeric", CandidateStatus.Pool, 0.8, true),
        ];

        var svg = XElement.Parse(LineageChart.Render(nodes));

        Assert.Equal("lineage", (string?)svg.Attribute("data-chart"));
        var groups = svg.Elements(S + "g").Where(g => (string?)g.Attribute("class") == "node").ToList();
        Assert.Equal(["s", "a", "b", "m", "d"], groups.Select(g => (string)g.Attribute("data-id")!));
        Assert.Equal(["rect", "circle", "circle", "polygon", "polygon"], groups.Select(g => g.Elements().Last().Name.LocalName));
        var edges = svg.Elements(S + "line").Where(l => (string?)l.Attribute("stroke-width") is "2.5" or "1" && (string?)l.Attribute("stroke") != "#8c959f").ToList();
        Assert.Equal(5, edges.Count); // s-a, s-b, a-m, b-m, a-d
        Assert.Equal(2, edges.Count(e => (string?)e.Attribute("stroke-width") == "2.5")); // s-a and a-d
    }

    [Fact]
    public void ScatterChart_MarkedAndHighlightedPoints_ParsesAsXmlWithOneCircleEach()
    {
        ScatterPoint[] points = [new(100, 0.5, "x", false, false), new(200, 0.7, "y", true, false), new(300, 0.9, "z", true, true)];

        var svg = XElement.Parse(ScatterChart.Render("pareto", points, "chars", "score"));

        var circles = svg.Elements(S + "circle").ToList();
        Assert.Equal(3, circles.Count);
        Assert.Equal("none", (string?)circles.Single(c => c.Element(S + "title")!.Value == "x").Attribute("fill"));
        Assert.Equal("6", (string?)circles.Single(c => c.Element(S + "title")!.Value == "z").Attribute("r"));
    }

    [Fact]
    public void HeatmapChart_MatrixWithAGap_OneRectPerScoredCellColouredByBucket()
    {
        double?[][] cells = [[1.0, 0.0, null], [0.5, 0.26, 0.74]];

        var svg = XElement.Parse(HeatmapChart.Render("heatmap", ["r1", "r2"], ["c1", "c2", "c3"], cells));

        Assert.Equal("heatmap", (string?)svg.Attribute("data-chart"));
        var rects = svg.Descendants(S + "rect").Where(r => ((string?)r.Attribute("class"))?.StartsWith('h') == true).ToList();
        Assert.Equal(["h10", "h0", "h5", "h3", "h7"], rects.Select(r => (string)r.Attribute("class")!));
        Assert.Equal("r2 × c3: 0.74", rects[^1].Element(S + "title")!.Value);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.049, 0)]
    [InlineData(0.05, 1)]
    [InlineData(0.5, 5)]
    [InlineData(0.95, 10)]
    [InlineData(1.0, 10)]
    [InlineData(-0.2, 0)]
    public void HeatmapChart_Bucket_RoundsToATenth(double score, int bucket) => Assert.Equal(bucket, HeatmapChart.Bucket(score));

    [Fact]
    public void HeatmapChart_LargeMatrix_LeavesOutPerCellTooltips()
    {
        var cells = Enumerable.Range(0, 100).Select(r => Enumerable.Range(0, 100).Select(c => (double?)((r + c) % 11 / 10.0)).ToArray()).ToList();

        var svg = HeatmapChart.Render("heatmap", [.. Enumerable.Range(0, 100).Select(i => $"r{i}")], [.. Enumerable.Range(0, 100).Select(i => $"c{i}")], cells);

        var parsed = XElement.Parse(svg);
        Assert.Equal(10_000, parsed.Descendants(S + "rect").Count(r => r.Attribute("class") is not null));
        Assert.True(svg.Length < 100 * 100 * 60, $"{svg.Length} characters");
    }
}
