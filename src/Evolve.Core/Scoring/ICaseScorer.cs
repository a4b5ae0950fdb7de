using Evolve.Core.Suites;

namespace Evolve.Core.Scoring;

/// <summary>Scores one answer of the agent against a case's assertions plus the suite's defaults.</summary>
public interface ICaseScorer
{
    /// <summary>
    /// Scores <paramref name="answer"/>. Never throws for bad output or a failing assertion: those
    /// become a score of 0 with feedback. Throws only for cancellation.
    /// </summary>
    ValueTask<CaseScore> ScoreAsync(
        EvalCase evalCase,
        IReadOnlyList<AssertionSpec> defaultAssertions,
        Answer answer,
        CancellationToken cancellationToken = default);
}
