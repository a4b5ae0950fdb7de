namespace Evolve.Core.Gepa.Search;

/// <summary>
/// Early stopping of a child's validation pass once it provably cannot match its parent. The rule is
/// a bound, never an estimate: after at least <see cref="MinFraction"/> of the cases are scored, stop
/// when the child's best possible final mean — its scores so far plus <see cref="MaxScore"/> on every
/// remaining case — is still below the parent's full mean minus <see cref="Tolerance"/>. A child that
/// could still reach that mark is never stopped, whatever its scores so far suggest.
/// </summary>
/// <remarks>
/// Racing judges the mean only: a stopped child might still have topped the front on one case. The
/// engine races children whose point is to raise the mean (and saves those rollouts), and can pass
/// tolerance 1 to switch racing off.
/// </remarks>
public sealed class Racing
{
    /// <summary>The highest score a case can get.</summary>
    public const double MaxScore = 1.0;

    /// <summary>Default <see cref="Tolerance"/>.</summary>
    public const double DefaultTolerance = 0.01;

    /// <summary>Default <see cref="MinFraction"/>.</summary>
    public const double DefaultMinFraction = 0.5;

    /// <summary>Creates the rule.</summary>
    /// <param name="tolerance">How far below the parent's mean the child may end and still not be stopped, in [0,1]; default 0.01.</param>
    /// <param name="minFraction">Fraction of the cases to score before stopping is considered, in [0,1]; default 0.5.</param>
    public Racing(double tolerance = DefaultTolerance, double minFraction = DefaultMinFraction)
    {
        if (!(tolerance is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "must be between 0 and 1");
        }

        if (!(minFraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minFraction), minFraction, "must be between 0 and 1");
        }

        Tolerance = tolerance;
        MinFraction = minFraction;
    }

    /// <summary>How far below the parent's mean the child's best possible mean must fall before it is stopped.</summary>
    public double Tolerance { get; }

    /// <summary>Fraction of the cases scored before stopping is considered.</summary>
    public double MinFraction { get; }

    /// <summary>Whether the child's validation can stop now.</summary>
    /// <param name="parentScores">The parent's scores on all <paramref name="totalCases"/> validation cases.</param>
    /// <param name="childScoresSoFar">The child's scores on the first cases of the same order.</param>
    /// <param name="totalCases">Number of validation cases in the full pass.</param>
    public bool ShouldStop(IReadOnlyList<double> parentScores, IReadOnlyList<double> childScoresSoFar, int totalCases)
    {
        ArgumentNullException.ThrowIfNull(parentScores);
        ArgumentNullException.ThrowIfNull(childScoresSoFar);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalCases, 1);
        if (parentScores.Count != totalCases)
        {
            throw new ArgumentException($"the parent needs a score on each of the {totalCases} cases, has {parentScores.Count}", nameof(parentScores));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(childScoresSoFar.Count, totalCases, nameof(childScoresSoFar));

        var scored = childScoresSoFar.Count;
        if (scored == totalCases || scored < MinFraction * totalCases)
        {
            return false;
        }

        var bestPossibleMean = (childScoresSoFar.Sum() + ((totalCases - scored) * MaxScore)) / totalCases;
        var parentMean = parentScores.Sum() / totalCases;
        return bestPossibleMean < parentMean - Tolerance - AcceptanceRule.Epsilon;
    }

    /// <summary>Rollouts a stop saves: the cases the child was not run on.</summary>
    public static int RolloutsSaved(int totalCases, int scoredSoFar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scoredSoFar);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scoredSoFar, totalCases);
        return totalCases - scoredSoFar;
    }
}
