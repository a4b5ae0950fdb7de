namespace Evolve.Core.Gepa.Search;

/// <summary>
/// A candidate in the optimizer's pool, as the search algorithms see it: its id, when it joined,
/// its validation scores per case id and the ids it was made from.
/// </summary>
/// <param name="Id">The candidate id (SHA-256 hex, see <see cref="Evaluation.Candidate.Id"/>).</param>
/// <param name="Index">Order in which it joined the pool (0 for the seed); breaks ties.</param>
/// <param name="ValScores">Validation score in [0,1] per case id; may cover only part of the split.</param>
/// <param name="Parents">Ids of the candidates it was made from (empty for a seed, two for a merge).</param>
public sealed record PoolMember(string Id, int Index, IReadOnlyDictionary<string, double> ValScores, IReadOnlyList<string> Parents)
{
    /// <summary>
    /// Mean over the validation cases this member has scores for, 0 when it has none. Summed in
    /// ordinal order of case id so the result does not depend on dictionary order.
    /// </summary>
    public double Mean
    {
        get
        {
            if (ValScores.Count == 0)
            {
                return 0;
            }

            var sum = 0.0;
            foreach (var caseId in ValScores.Keys.Order(StringComparer.Ordinal))
            {
                sum += ValScores[caseId];
            }

            return sum / ValScores.Count;
        }
    }

    /// <summary>Sum of this member's scores on the given cases, in that order; a missing case counts 0.</summary>
    public double SumOver(IEnumerable<string> caseIds)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var sum = 0.0;
        foreach (var caseId in caseIds)
        {
            sum += ValScores.GetValueOrDefault(caseId);
        }

        return sum;
    }
}
