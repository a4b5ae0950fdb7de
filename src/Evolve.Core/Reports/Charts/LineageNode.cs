using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Charts;

/// <summary>A candidate as the lineage tree draws it.</summary>
/// <param name="Id">Candidate id.</param>
/// <param name="Label">Short label (the short id).</param>
/// <param name="Parents">Parent ids (two for a merge).</param>
/// <param name="Generation">Generation it was made in (0 for the seed).</param>
/// <param name="Operator">seed, reflect, numeric or merge.</param>
/// <param name="Status">Its fate in the run.</param>
/// <param name="ValMean">Mean validation score, when validated.</param>
/// <param name="OnBestPath">An ancestor of the best, or the best itself.</param>
internal sealed record LineageNode(string Id, string Label, IReadOnlyList<string> Parents, int Generation, string Operator, CandidateStatus Status, double? ValMean, bool OnBestPath);
