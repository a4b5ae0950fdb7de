namespace Evolve.Core.Reports.Run;

/// <summary>A group of failing rollouts with similar feedback.</summary>
/// <param name="Label">What the group is about (its most telling words).</param>
/// <param name="Count">Failing rollouts in the group.</param>
/// <param name="CaseIds">Cases it spans.</param>
/// <param name="CandidateCount">Candidates it spans.</param>
/// <param name="Examples">A few feedback texts from the group.</param>
internal sealed record ClusterEntry(string Label, int Count, IReadOnlyList<string> CaseIds, int CandidateCount, IReadOnlyList<string> Examples);
