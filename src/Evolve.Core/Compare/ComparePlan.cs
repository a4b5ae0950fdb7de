using Evolve.Core.Suites;

namespace Evolve.Core.Compare;

/// <summary>A comparison checked and resolved, before anything runs: both sides, the suite and its cases.</summary>
/// <param name="Options">The options, validated.</param>
/// <param name="A">The baseline.</param>
/// <param name="B">The challenger.</param>
/// <param name="Suite">The suite.</param>
/// <param name="Cases">The cases both sides run.</param>
public sealed record ComparePlan(CompareJobOptions Options, ResolvedCandidate A, ResolvedCandidate B, Suite Suite, IReadOnlyList<EvalCase> Cases)
{
    /// <summary>True when both references are the same texts: there is nothing to compare and nothing should run.</summary>
    public bool SameCandidate => A.Candidate.Id == B.Candidate.Id;

    /// <summary>What the outputs call A and B (see <see cref="SideNames"/>).</summary>
    public (string A, string B) Names => SideNames.Of(A, B);
}
