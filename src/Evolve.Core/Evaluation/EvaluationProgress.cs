namespace Evolve.Core.Evaluation;

/// <summary>Live counters of an evaluation, updated from many threads and read by a progress display.</summary>
public sealed class EvaluationProgress
{
    private int _completed;
    private int _passed;
    private int _errors;
    private long _scoreMillis;

    /// <summary>The run's id once its folder exists (null while inputs are still being checked).</summary>
    public string? RunId { get; internal set; }

    /// <summary>The run's folder once it exists.</summary>
    public string? RunDirectory { get; internal set; }

    /// <summary>Rollouts to run in total (after skipping stored ones).</summary>
    public int Total { get; internal set; }

    /// <summary>Rollouts already stored when the evaluation started (resumed).</summary>
    public int Reused { get; internal set; }

    /// <summary>Rollouts finished so far.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Finished rollouts that passed.</summary>
    public int Passed => Volatile.Read(ref _passed);

    /// <summary>Finished rollouts that failed with a per-case error.</summary>
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Mean score of the finished rollouts.</summary>
    public double MeanScore => Completed == 0 ? 0 : Volatile.Read(ref _scoreMillis) / 1000.0 / Completed;

    internal void Record(Rollout rollout)
    {
        Interlocked.Add(ref _scoreMillis, (long)Math.Round(rollout.Score.Value * 1000));
        if (rollout.Score.Pass)
        {
            Interlocked.Increment(ref _passed);
        }

        if (rollout.Error is not null)
        {
            Interlocked.Increment(ref _errors);
        }

        Interlocked.Increment(ref _completed);
    }
}
