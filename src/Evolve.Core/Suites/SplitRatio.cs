namespace Evolve.Core.Suites;

/// <summary>
/// The share of each split for cases without an explicit split, and the seed of the assignment.
/// Shares are weights: they are normalised, so 0.5/0.3/0.2 and 5/3/2 mean the same.
/// </summary>
internal sealed record SplitRatio(double Train, double Val, double Holdout, int Seed)
{
    /// <summary>Used when <c>suite.yaml</c> has no <c>split:</c> section.</summary>
    public static SplitRatio Default { get; } = new(0.5, 0.3, 0.2, 0);

    public double Total => Train + Val + Holdout;

    public double Share(Split split) => split switch
    {
        Split.Train => Train / Total,
        Split.Val => Val / Total,
        _ => Holdout / Total,
    };
}
