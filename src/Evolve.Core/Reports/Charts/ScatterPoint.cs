namespace Evolve.Core.Reports.Charts;

/// <summary>A point of a scatter chart.</summary>
/// <param name="X">Horizontal value.</param>
/// <param name="Y">Vertical value, a score in [0, 1].</param>
/// <param name="Label">Tooltip text.</param>
/// <param name="Marked">Drawn filled in the accent colour (e.g. a Pareto-front member).</param>
/// <param name="Highlighted">Drawn with a ring (e.g. the best).</param>
internal sealed record ScatterPoint(double X, double Y, string Label, bool Marked, bool Highlighted);
