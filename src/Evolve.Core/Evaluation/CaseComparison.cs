using Evolve.Core.Stats;

namespace Evolve.Core.Evaluation;

/// <summary>One shared case under A and B: repeats averaged, pass by majority of repeats.</summary>
/// <param name="A">A's rollouts of the case.</param>
/// <param name="B">B's rollouts of the case.</param>
public sealed record CaseComparison(CaseResult A, CaseResult B)
{
    /// <summary>The case id.</summary>
    public string CaseId => A.Case.Id;

    /// <summary>B's mean score minus A's.</summary>
    public double Difference => B.MeanScore - A.MeanScore;

    /// <summary>True when more than half of A's repeats passed.</summary>
    public bool APass => PairedRollouts.MajorityPass(A.Rollouts);

    /// <summary>True when more than half of B's repeats passed.</summary>
    public bool BPass => PairedRollouts.MajorityPass(B.Rollouts);

    /// <summary>The observation <see cref="PairedComparison.Compare"/> takes.</summary>
    public PairedObservation ToObservation() => new(CaseId, A.MeanScore, B.MeanScore, APass, BPass);
}
