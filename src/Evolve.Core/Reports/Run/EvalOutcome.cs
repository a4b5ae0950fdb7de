using System.Globalization;

namespace Evolve.Core.Reports.Run;

/// <summary>
/// What an eval run found, as <c>evolve eval</c> prints it: the mean over cases of the mean score
/// over repeats, and the share of rollouts that passed.
/// </summary>
internal sealed record EvalOutcome
{
    public required string CandidateId { get; init; }

    public required double MeanScore { get; init; }

    public required int Passed { get; init; }

    public required int Rollouts { get; init; }

    public required int Cases { get; init; }

    public double PassRate => Rollouts == 0 ? 0 : (double)Passed / Rollouts;

    /// <summary>The figures the eval table prints, with their basis.</summary>
    public string Headline => string.Create(CultureInfo.InvariantCulture, $"mean score {ScoreText.Score(MeanScore)} · pass rate {PassRate:P1}");

    /// <summary>What the pass rate counts and how many cases the mean is over.</summary>
    public string Basis => $"({Passed} of {Rollouts} rollouts passed) · {Cases} cases";
}
