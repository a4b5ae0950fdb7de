using Evolve.Core.Suites;

namespace Evolve.Core.Scoring;

/// <summary>Scoring an answer known only by its text.</summary>
public static class CaseScorerExtensions
{
    /// <summary>Scores <paramref name="output"/> as an <see cref="Answer"/> with nothing else known.</summary>
    public static ValueTask<CaseScore> ScoreAsync(
        this ICaseScorer scorer,
        EvalCase evalCase,
        IReadOnlyList<AssertionSpec> defaultAssertions,
        string output,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return scorer.ScoreAsync(evalCase, defaultAssertions, Answer.Of(output), cancellationToken);
    }
}
