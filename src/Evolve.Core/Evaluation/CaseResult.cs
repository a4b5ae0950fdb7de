using Evolve.Core.Suites;

namespace Evolve.Core.Evaluation;

/// <summary>A case's rollouts over its repeats, aggregated.</summary>
/// <param name="Case">The case.</param>
/// <param name="Rollouts">Its rollouts, by repeat.</param>
public sealed record CaseResult(EvalCase Case, IReadOnlyList<Rollout> Rollouts)
{
    /// <summary>Mean score over repeats.</summary>
    public double MeanScore => Rollouts.Count == 0 ? 0 : Rollouts.Average(r => r.Score.Value);

    /// <summary>Passing repeats over all repeats.</summary>
    public double PassRate => Rollouts.Count == 0 ? 0 : (double)Rollouts.Count(r => r.Score.Pass) / Rollouts.Count;

    /// <summary>True when some repeats pass and others fail: the case is flaky under this candidate.</summary>
    public bool Flaky => Rollouts.Any(r => r.Score.Pass) && Rollouts.Any(r => !r.Score.Pass);
}
