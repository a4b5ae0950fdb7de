using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs;
using Evolve.Kernel.Diffs;

namespace Evolve.Core.Gepa;

/// <summary>
/// Sibling combination (<see cref="GepaOptions.Combine"/>). A batched generation reflects on one
/// parent several times at once, each child fixing what its own minibatch showed; a sequential
/// search would have stacked those fixes, a batch leaves them side by side. So when two or more
/// children of one parent changed the same component and all joined the pool, their edits are
/// applied together (<see cref="LineMerge"/>; the sibling with the higher validation mean wins a
/// conflict) and the result is validated as one more child, joining only when it beats its best sibling.
/// </summary>
internal sealed partial class GepaEngine
{
    private async Task<int> CombineSiblingsAsync(IReadOnlyList<(Proposal Proposal, PoolEntry Entry)> joined, int generation, CancellationToken cancellationToken)
    {
        if (!_setup.Options.Combine)
        {
            return 0;
        }

        var combined = 0;
        foreach (var family in joined.GroupBy(j => (j.Proposal.Parent, j.Proposal.Component)).Where(g => g.Count() >= 2))
        {
            var (parent, component) = family.Key;
            var siblings = family.Select(j => j.Entry).OrderByDescending(e => e.Mean).ThenBy(e => e.Index).ToList();
            var merge = LineMerge.Combine(parent.Candidate.Components[component], [.. siblings.Select(s => s.Candidate.Components[component])]);
            if (merge.Taken < 2)
            {
                continue;
            }

            var components = new Dictionary<string, string>(parent.Candidate.Components, StringComparer.Ordinal) { [component] = merge.Text };
            var child = new Candidate(components, [.. siblings.Select(s => s.Candidate.Id)], "combine", generation);
            if (_known.Contains(child.Id))
            {
                continue;
            }

            var best = siblings[0];
            if (Admit(child, best.Pointer, "combine") is not { } entry)
            {
                continue;
            }

            await ValidateAsync([entry], cancellationToken).ConfigureAwait(false);
            if (entry.Mean <= best.Mean + AcceptanceRule.Epsilon)
            {
                _journal.SaveCandidate(child, CandidateStatus.Rejected, new { combine = siblings.Count, mean = entry.Mean, bestSibling = best.Mean, merge.Dropped });
                continue;
            }

            Join(new PoolEntry(child, entry.Agent, _pool.Count, entry.Pointer) { Lessons = best.Lessons }, entry.ValScores, $"combine of {siblings.Count} siblings ({merge.Taken} edits, {merge.Dropped} dropped)");
            combined++;
        }

        return combined;
    }
}
