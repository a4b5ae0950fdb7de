namespace Evolve.Core.Gepa.Search;

/// <summary>The Pareto front of one validation case: the best score seen and every member that reaches it.</summary>
/// <param name="CaseId">The validation case.</param>
/// <param name="BestScore">The highest score any pool member has on the case.</param>
/// <param name="MemberIds">Members within <see cref="ParetoFront.TieTolerance"/> of the best, in pool order; before set-cover pruning.</param>
public sealed record CaseFront(string CaseId, double BestScore, IReadOnlyList<string> MemberIds);
