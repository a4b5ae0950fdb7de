namespace Evolve.Core.Evaluation;

/// <summary>The outcome of evaluating one candidate: every rollout and the aggregates people read.</summary>
/// <param name="Rollouts">Every rollout, stored or new, in case then repeat order.</param>
/// <param name="Cases">Per-case aggregates over repeats, in suite order.</param>
/// <param name="WallTime">Wall time of this invocation.</param>
/// <param name="NewRollouts">Rollouts run by this invocation (the rest were already stored).</param>
public sealed record EvaluationSummary(
    IReadOnlyList<Rollout> Rollouts,
    IReadOnlyList<CaseResult> Cases,
    TimeSpan WallTime,
    int NewRollouts)
{
    /// <summary>Mean over cases of the mean score over repeats.</summary>
    public double MeanScore => Cases.Count == 0 ? 0 : Cases.Average(c => c.MeanScore);

    /// <summary>Fraction of rollouts that passed.</summary>
    public double PassRate => Rollouts.Count == 0 ? 0 : (double)Rollouts.Count(r => r.Score.Pass) / Rollouts.Count;

    /// <summary>Rollouts that ended in a per-case error.</summary>
    public int Errors => Rollouts.Count(r => r.Error is not null);

    /// <summary>Input and output tokens over all rollouts.</summary>
    public (long Input, long Output) Tokens => (Rollouts.Sum(r => r.InputTokens), Rollouts.Sum(r => r.OutputTokens));

    /// <summary>US dollars over all rollouts whose model has a price (retried attempts that returned no usage cost nothing).</summary>
    public decimal Cost => Rollouts.Sum(r => r.Cost ?? 0);

    /// <summary>Rollouts that reached a model without a price, so <see cref="Cost"/> leaves them out.</summary>
    public int UnpricedRollouts => Rollouts.Count(r => r.Cost is null && r.Error is null);

    /// <summary>Rollouts answered entirely from the response cache.</summary>
    public int CacheHits => Rollouts.Count(r => r.CacheHit);

    /// <summary>
    /// The mean over rollouts of each named metric (an assertion's <c>metric</c>, as promptfoo names
    /// them), by name in order; empty when no assertion names one.
    /// </summary>
    public IReadOnlyDictionary<string, double> NamedMetrics => Rollouts
        .SelectMany(r => r.Score.Assertions)
        .Where(a => a.Metric is not null)
        .GroupBy(a => a.Metric!, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Average(a => a.Score.Value), StringComparer.Ordinal);

    /// <summary>New rollouts per second of wall time.</summary>
    public double RolloutsPerSecond => WallTime.TotalSeconds <= 0 ? 0 : NewRollouts / WallTime.TotalSeconds;
}
