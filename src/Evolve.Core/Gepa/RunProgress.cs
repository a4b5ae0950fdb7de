using Evolve.Core.Evaluation;
using Evolve.Core.Runs.Events;

namespace Evolve.Core.Gepa;

/// <summary>
/// Live state of <c>evolve run</c> for a progress display, updated by the run and read from
/// another thread: which run, which phase, rollouts done so far against the budget, current best.
/// </summary>
public sealed class RunProgress
{
    private volatile string _phase = "starting";
    private volatile int _generation;
    private double _best = double.NaN;

    /// <summary>The run's id once its folder exists; null before.</summary>
    public string? RunId { get; private set; }

    /// <summary>The run's folder once it exists; null before.</summary>
    public string? RunDirectory { get; private set; }

    /// <summary>What the run is doing: starting, seed, search or holdout.</summary>
    public string Phase => _phase;

    /// <summary>The generation in progress (0 while the seed is scored).</summary>
    public int Generation => _generation;

    /// <summary>The rollout budget of the run (the planned total, holdout check included).</summary>
    public int Budget { get; private set; }

    /// <summary>Rollouts finished by this invocation (stored ones reused on resume are not counted).</summary>
    public EvaluationProgress Rollouts { get; } = new();

    /// <summary>Best validation score so far; NaN before the seed is scored.</summary>
    public double BestScore => Volatile.Read(ref _best);

    internal void Started(string runId, string runDirectory, int budget)
    {
        RunDirectory = runDirectory;
        Budget = budget;
        RunId = runId;
        _phase = "seed";
    }

    internal void Generated(GenerationSummary summary)
    {
        if (summary.BestId.Length > 0)
        {
            Volatile.Write(ref _best, summary.BestScore);
        }

        _generation = summary.Generation + 1;
        _phase = "search";
    }

    internal void Holdout() => _phase = "holdout";
}
