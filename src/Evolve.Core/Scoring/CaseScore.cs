namespace Evolve.Core.Scoring;

/// <summary>
/// A case's verdict: the weighted mean of its assertions, passing when every assertion passes
/// (or, with a case threshold, when the weighted mean reaches it).
/// </summary>
/// <param name="Value">Weighted mean in [0, 1].</param>
/// <param name="Pass">Case pass/fail.</param>
/// <param name="Feedback">The failing assertions' feedback joined for reflection, or a short success note.</param>
/// <param name="Assertions">Each assertion's score.</param>
public sealed record CaseScore(double Value, bool Pass, string Feedback, IReadOnlyList<AssertionScore> Assertions)
{
    /// <summary>Named metrics: mean value per metric name over the assertions that declare one.</summary>
    public IReadOnlyDictionary<string, double> NamedMetrics =>
        Assertions.Where(a => a.Metric is not null)
            .GroupBy(a => a.Metric!)
            .ToDictionary(g => g.Key, g => g.Average(a => a.Score.Value));
}
