using Evolve.Core.Evaluation;

namespace Evolve.Core.ScoreServing;

/// <summary>One case's rollouts, repeats in order, and what a peer reads of them.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Rollouts">One per repeat, repeat 0 first.</param>
public sealed record ScoredCase(string Id, IReadOnlyList<Rollout> Rollouts)
{
    /// <summary>The mean score over the repeats, 0 to 1.</summary>
    public double Score => Rollouts.Average(r => r.Score.Value);

    /// <summary>True when every repeat passed.</summary>
    public bool Pass => Rollouts.All(r => r.Score.Pass);

    /// <summary>The first repeat's answer.</summary>
    public string Output => Rollouts[0].Output;

    /// <summary>The first repeat's feedback (the scorer's, or the error that left no answer).</summary>
    public string Feedback => Rollouts[0].Score.Feedback;

    /// <summary>Input and output tokens over every repeat.</summary>
    public long Tokens => Rollouts.Sum(r => r.InputTokens + r.OutputTokens);
}
