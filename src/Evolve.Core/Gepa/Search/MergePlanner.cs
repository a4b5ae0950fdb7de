using Evolve.Core.Evaluation;
using Texts = System.Collections.Generic.IReadOnlyDictionary<string, string>;

namespace Evolve.Core.Gepa.Search;

/// <summary>
/// GEPA's system-aware merge. Draws two survivors of the front that are not ancestors of each other
/// and were not tried together before, finds their most recent common ancestor that scores no higher
/// than either and against which one side changed a component the other did not, and builds the child
/// component by component: the changed side's text; if both changed it, the text of the side with the
/// higher mean (ties: lower index); if neither, the ancestor's. A child that would equal a parent or
/// an existing pool member is not proposed.
/// </summary>
public sealed class MergePlanner
{
    /// <summary>Default <see cref="MaxDraws"/>.</summary>
    public const int DefaultMaxDraws = 10;

    /// <summary>Default <see cref="GateSize"/> (GEPA's).</summary>
    public const int DefaultGateSize = 5;

    /// <summary>Creates the planner.</summary>
    /// <param name="maxDraws">Pairs drawn before giving up, at least 1; default 10.</param>
    /// <param name="gateSize">Validation cases in the gate, at least 1; default 5.</param>
    public MergePlanner(int maxDraws = DefaultMaxDraws, int gateSize = DefaultGateSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDraws, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(gateSize, 1);
        MaxDraws = maxDraws;
        GateSize = gateSize;
    }

    /// <summary>Pairs drawn before <see cref="Plan"/> gives up.</summary>
    public int MaxDraws { get; }

    /// <summary>Validation cases in a proposal's gate.</summary>
    public int GateSize { get; }

    /// <summary>Plans one merge, or returns null when no valid pair turned up in <see cref="MaxDraws"/> draws.</summary>
    /// <param name="pool">The pool, with parent lineage.</param>
    /// <param name="front">The front built from <paramref name="pool"/>; parents are drawn from its survivors.</param>
    /// <param name="components">Component texts by candidate id; must cover the drawn parents and their ancestors in the pool.</param>
    /// <param name="tried">Pairs already merged (in either order); the engine adds each proposal's pair.</param>
    /// <param name="rng">The engine's seeded generator.</param>
    public MergeProposal? Plan(
        IReadOnlyList<PoolMember> pool,
        ParetoFront front,
        IReadOnlyDictionary<string, Texts> components,
        IReadOnlySet<(string A, string B)> tried,
        Random rng)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(front);
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(tried);
        ArgumentNullException.ThrowIfNull(rng);

        var survivors = front.Survivors;
        if (survivors.Count < 2)
        {
            return null;
        }

        var lineage = new Lineage(ParetoFront.InPoolOrder(pool));
        for (var draw = 0; draw < MaxDraws; draw++)
        {
            var i = rng.Next(survivors.Count);
            var j = rng.Next(survivors.Count - 1);
            j += j >= i ? 1 : 0;
            var a = lineage.Member(survivors[Math.Min(i, j)]);
            var b = lineage.Member(survivors[Math.Max(i, j)]);
            if (tried.Contains((a.Id, b.Id)) || tried.Contains((b.Id, a.Id)) || lineage.AreRelated(a.Id, b.Id))
            {
                continue;
            }

            var proposal = TryPair(a, b, lineage, components, rng);
            if (proposal is not null)
            {
                return proposal;
            }
        }

        return null;
    }

    private MergeProposal? TryPair(PoolMember a, PoolMember b, Lineage lineage, IReadOnlyDictionary<string, Texts> components, Random rng)
    {
        var (meanA, meanB) = (a.Mean, b.Mean);
        var aWinsBoth = meanA > meanB + ParetoFront.TieTolerance || (Math.Abs(meanA - meanB) <= ParetoFront.TieTolerance && a.Index < b.Index);
        var textsA = TextsOf(components, a.Id);
        var textsB = TextsOf(components, b.Id);

        // The most recent ancestor first: its diff to each parent is the smallest, so the merge keeps
        // the most of what each side learned since they split.
        var common = lineage.Ancestors(a.Id).Intersect(lineage.Ancestors(b.Id))
            .Select(lineage.Member)
            .OrderByDescending(m => m.Index);
        foreach (var ancestor in common)
        {
            var mean = ancestor.Mean;
            if (mean > meanA + ParetoFront.TieTolerance || mean > meanB + ParetoFront.TieTolerance)
            {
                continue;
            }

            var textsAncestor = TextsOf(components, ancestor.Id);
            if (!MergeComposer.HasOneSidedChange(textsA, textsB, textsAncestor))
            {
                continue;
            }

            var child = MergeComposer.Compose(textsA, textsB, textsAncestor, aWinsBoth);
            // A child identical to a parent or to any other pool member would spend the gate's
            // rollouts to learn nothing new.
            if (MergeComposer.SameTexts(child, textsA) || MergeComposer.SameTexts(child, textsB) || lineage.Contains(Candidate.ComputeId(child)))
            {
                continue;
            }

            return new MergeProposal(a.Id, b.Id, ancestor.Id, child, GateSampler.Sample(a, b, GateSize, rng));
        }

        return null;
    }

    private static Texts TextsOf(IReadOnlyDictionary<string, Texts> components, string id)
        => components.TryGetValue(id, out var texts)
            ? texts
            : throw new ArgumentException($"no component texts for candidate {id}", nameof(components));
}
