using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>Validation of accepted children (with racing), the merge step and the guards' context.</summary>
internal sealed partial class GepaEngine
{
    /// <summary>Scores candidates on the whole validation split (the seed, or a merged child).</summary>
    private async Task ValidateAsync(IReadOnlyList<PoolEntry> entries, CancellationToken cancellationToken)
    {
        var requests = entries.SelectMany(e => ValRequests(e.Candidate, e.Agent, _setup.Val)).ToList();
        _budget.Consume(requests, fromReserve: false);
        var rollouts = await _runner.RunAsync(requests, cancellationToken).ConfigureAwait(false);
        Record(entries, rollouts);
    }

    /// <summary>
    /// Validates accepted children together: the first half of the validation cases for all, then
    /// the rest only for children that can still match their parent (racing). Returns how many
    /// joined the pool (with the proposal each came from), how many were raced out and the rollouts that saved.
    /// </summary>
    private async Task<(List<(Proposal Proposal, PoolEntry Entry)> Joined, int Raced, int Saved)> ValidateChildrenAsync(IReadOnlyList<Proposal> accepted, CancellationToken cancellationToken)
    {
        var entries = new List<(Proposal Proposal, PoolEntry Entry)>();
        foreach (var proposal in accepted)
        {
            var entry = new PoolEntry(proposal.Child!, proposal.ChildAgent!, -1, proposal.Parent.Pointer);
            var cost = _budget.Cost([.. entries.SelectMany(e => ValRequests(e.Entry.Candidate, e.Entry.Agent, _setup.Val)), .. ValRequests(entry.Candidate, entry.Agent, _setup.Val)]);
            if (cost > _budget.Available)
            {
                _journal.SaveCandidate(entry.Candidate, CandidateStatus.Unvalidated, new { reason = "budget" });
                continue;
            }

            entries.Add((proposal, entry));
        }

        var half = (_setup.Val.Count + 1) / 2;
        var first = _setup.Val.Take(half).ToList();
        var rest = _setup.Val.Skip(half).ToList();
        var firstRequests = entries.SelectMany(e => ValRequests(e.Entry.Candidate, e.Entry.Agent, first)).ToList();
        _budget.Consume(firstRequests);
        Record(entries.Select(e => e.Entry).ToList(), await _runner.RunAsync(firstRequests, cancellationToken).ConfigureAwait(false));

        var parentVal = _setup.Val.Select(c => c.Id).ToList();
        var survivors = entries.Where(e => !_racing.ShouldStop(
            parentVal.Select(id => e.Proposal.Parent.ValScores[id]).ToList(),
            first.Select(c => e.Entry.ValScores[c.Id]).ToList(),
            _setup.Val.Count)).ToList();
        var raced = entries.Except(survivors).ToList();
        foreach (var (proposal, entry) in raced)
        {
            proposal.Parent.Rejected.Add(new RejectedEdit(proposal.Parent.Candidate.Id, proposal.Component, proposal.Edit + " (worse on validation)"));
            _journal.SaveCandidate(entry.Candidate, CandidateStatus.Raced, new { parent = proposal.Parent.Candidate.ShortId, partialMean = entry.Mean });
        }

        var restRequests = survivors.SelectMany(e => ValRequests(e.Entry.Candidate, e.Entry.Agent, rest)).ToList();
        _budget.Consume(restRequests);
        Record(survivors.Select(e => e.Entry).ToList(), await _runner.RunAsync(restRequests, cancellationToken).ConfigureAwait(false));
        var joined = new List<(Proposal, PoolEntry)>();
        foreach (var (proposal, entry) in survivors)
        {
            var member = new PoolEntry(entry.Candidate, entry.Agent, _pool.Count, entry.Pointer) { Lessons = proposal.Lessons };
            Join(member, entry.ValScores, proposal.Edit);
            joined.Add((proposal, member));
        }

        var saved = raced.Count * rest.Count * _setup.ValidationRepeat;
        RacingSaved += saved;
        return (joined, raced.Count, saved);
    }

    private void Join(PoolEntry entry, IReadOnlyDictionary<string, double> scores, string how)
    {
        foreach (var (id, score) in scores)
        {
            entry.ValScores[id] = score;
        }

        Join(entry, how);
    }

    /// <summary>Adds each rollout's score to its entry's validation scores (mean over repeats).</summary>
    private static void Record(IReadOnlyList<PoolEntry> entries, IReadOnlyList<Rollout> rollouts)
    {
        var byCandidate = rollouts.ToLookup(r => r.CandidateId);
        foreach (var entry in entries)
        {
            foreach (var group in byCandidate[entry.Candidate.Id].GroupBy(r => r.CaseId))
            {
                entry.ValScores[group.Key] = group.Average(r => r.Score.Value);
            }
        }
    }

    /// <summary>
    /// A child made by an operator rather than reflection (merge, combine), let in when the guards
    /// pass and the budget can pay its full validation: then known and runnable, not yet validated.
    /// Otherwise stored as refused, with <paramref name="operatorName"/> in its details, and null.
    /// </summary>
    private PoolEntry? Admit(Candidate child, int pointer, string operatorName)
    {
        var problems = CandidateGuard.Check(_guards, child.Components);
        var cost = _budget.Cost(ValRequests(child, null!, _setup.Val));
        if (problems.Count > 0 || cost > _budget.Available)
        {
            _journal.SaveCandidate(child, CandidateStatus.Guarded, new { @operator = operatorName, problems, budget = cost > _budget.Available });
            return null;
        }

        _known.Add(child.Id);
        return new PoolEntry(child, AgentDefinition.Create(_setup.Profile, child.Components, _setup.Options.Sandbox), -1, pointer);
    }

    /// <summary>GEPA's system-aware merge, at most once per generation after an accepted child, at most five accepted in all.</summary>
    private async Task<int> TryMergeAsync(int generation, Random rng, CancellationToken cancellationToken)
    {
        if (!_setup.Options.Merge || _mergesDue == 0 || _mergesAccepted >= 5 || _pool.Count < 3)
        {
            return 0;
        }

        _mergesDue--;
        var members = Members();
        var texts = _pool.ToDictionary(p => p.Candidate.Id, p => p.Candidate.Components);
        var plan = _mergePlanner.Plan(members, ParetoFront.Build(members, ValIds), texts, _triedMerges, rng);
        if (plan is null)
        {
            return 0;
        }

        _triedMerges.Add((plan.ParentA, plan.ParentB));
        var child = new Candidate(plan.Components, [plan.ParentA, plan.ParentB], "merge", generation);
        var a = _pool.First(p => p.Candidate.Id == plan.ParentA);
        var b = _pool.First(p => p.Candidate.Id == plan.ParentB);
        if (Admit(child, Math.Max(a.Pointer, b.Pointer), "merge") is not { } entry)
        {
            return 0;
        }

        var gate = _setup.Val.Where(c => plan.GateCaseIds.Contains(c.Id)).ToList();
        var gateRequests = ValRequests(child, entry.Agent, gate);
        _budget.Consume(gateRequests);
        Record([entry], await _runner.RunAsync(gateRequests, cancellationToken).ConfigureAwait(false));
        double Sum(PoolEntry e) => gate.Sum(c => e.ValScores[c.Id]);
        if (!MergeGate.Accepts(Sum(entry), Sum(a), Sum(b)))
        {
            _journal.SaveCandidate(child, CandidateStatus.Rejected, new { merge = true, gate = Sum(entry), parentA = Sum(a), parentB = Sum(b) });
            return 0;
        }

        await ValidateAsync([entry], cancellationToken).ConfigureAwait(false);
        Join(new PoolEntry(entry.Candidate, entry.Agent, _pool.Count, entry.Pointer) { Lessons = a.Lessons.Merge(b.Lessons, _setup.Options.Lessons) }, entry.ValScores, "merge");
        _mergesAccepted++;
        return 1;
    }
}
