using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>One generation: plan proposals, run parents, reflect, run children, accept, validate.</summary>
internal sealed partial class GepaEngine
{
    private async Task<GenerationSummary> RunGenerationAsync(int generation, CancellationToken cancellationToken)
    {
        var rng = new Random(StableSeed.Of(_setup.Options.Seed, generation, 0x6e9a));
        var merged = await TryMergeAsync(generation, rng, cancellationToken).ConfigureAwait(false);
        var proposals = Plan(rng);
        if (proposals.Count == 0)
        {
            return new GenerationSummary { Generation = generation, Spent = 0, Budget = 0, BestScore = 0, BestId = "", FrontSize = 0, PoolSize = 0, Merged = merged };
        }

        // Parents on their minibatches, all as one batch, with traces for reflection.
        var parentRuns = await RunOnBatchesAsync(proposals.Select(p => (p.Parent.Candidate, p.Parent.Agent, p.Batch)).ToList(), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < proposals.Count; i++)
        {
            proposals[i].ParentScores = CaseScores(parentRuns[i], proposals[i].Batch);
        }

        // Reflections concurrently; a perfect minibatch has nothing to teach (GEPA skips it at no cost).
        await Task.WhenAll(proposals.Select(p => p.ParentScores.All(s => s >= 1)
            ? Task.FromResult(p.Problem = "the parent is already perfect on this minibatch")
            : ProposeAsync(p, parentRuns[p.Index], generation, cancellationToken))).ConfigureAwait(false);

        // Guards run in proposal order, after every reply is in, so which of two identical
        // children counts as the duplicate never depends on which reply arrived first.
        foreach (var proposal in proposals.Where(p => p.Child is not null && p.Problem is null))
        {
            ApplyGuards(proposal);
        }

        var live = proposals.Where(p => p.Child is not null && p.Problem is null).ToList();
        var childRuns = await RunOnBatchesAsync(live.Select(p => (p.Child!, p.ChildAgent!, p.Batch)).ToList(), cancellationToken).ConfigureAwait(false);
        var accepted = new List<Proposal>();
        for (var i = 0; i < live.Count; i++)
        {
            var proposal = live[i];
            proposal.ChildScores = CaseScores(childRuns[i], proposal.Batch);
            if (_acceptance.Accepts(proposal.ParentScores, proposal.ChildScores, LengthPenalty(proposal)))
            {
                accepted.Add(proposal);
            }
            else
            {
                proposal.Parent.Rejected.Add(new RejectedEdit(proposal.Parent.Candidate.Id, proposal.Component, proposal.Edit));
                _store.SaveCandidate(proposal.Child!, CandidateStatus.Rejected, new { parent = proposal.Parent.Candidate.ShortId, proposal.Component, proposal.Edit, parentScores = proposal.ParentScores, childScores = proposal.ChildScores });
            }
        }

        var guarded = proposals.Count(p => p.Problem is not null && p.Child is not null);
        // A resumed run replays stored generations; their events are in the store already.
        foreach (var p in proposals.Where(p => p.Problem is not null && generation > _replayUntil))
        {
            _store.AppendEvent(new ProposalSkippedEvent(generation, p.Parent.Candidate.ShortId, p.Child?.ShortId, p.Component, p.Problem));
        }

        var (joined, raced, saved) = await ValidateChildrenAsync(accepted, cancellationToken).ConfigureAwait(false);
        _mergesDue += joined > 0 ? 1 : 0;
        return new GenerationSummary
        {
            Generation = generation, Spent = 0, Budget = 0, BestScore = 0, BestId = "", FrontSize = 0, PoolSize = 0,
            Proposed = proposals.Count, Accepted = accepted.Count, Rejected = live.Count - accepted.Count, Guarded = guarded,
            Raced = raced, RacingSaved = saved, Merged = merged,
        };
    }

    /// <summary>Samples parents, minibatches and components for as many proposals as the batch size and the budget allow.</summary>
    private List<Proposal> Plan(Random rng)
    {
        var options = _setup.Options;
        var perProposal = _setup.ProposalCost + (_setup.ValidationCost / 2);
        var wanted = Math.Max(1, options.Batch / Math.Max(1, perProposal));
        var members = Members();
        var front = ParetoFront.Build(members, ValIds);
        var proposals = new List<Proposal>();
        var planned = new List<RolloutRequest>();
        var childCost = 0;
        for (var i = 0; i < wanted; i++)
        {
            var picked = _selector.Select(members, front, rng);
            var parent = _pool.First(p => p.Candidate.Id == picked.Id);
            var ids = _sampler.Take(_draws, options.Minibatch);
            var batch = ids.Distinct().Select(id => _setup.Train.First(c => c.Id == id)).ToList();
            // Every parent run planned so far, plus every child's run (children are new: never stored).
            var cost = _budget.Cost([.. planned, .. Requests(parent.Candidate, parent.Agent, batch, keepTrace: true)]) + childCost + (batch.Count * _setup.Repeat);
            if (cost > _budget.Available)
            {
                break;
            }

            childCost += batch.Count * _setup.Repeat;

            _draws++;
            planned.AddRange(Requests(parent.Candidate, parent.Agent, batch, keepTrace: true));
            var choice = ComponentCycle.Next(_setup.Components, parent.Pointer);
            parent.Pointer = choice.ChildPointer;
            proposals.Add(new Proposal(proposals.Count, parent, batch, choice.Component));
        }

        return proposals;
    }

    private async Task ProposeAsync(Proposal proposal, IReadOnlyList<Rollout> parentRollouts, int generation, CancellationToken cancellationToken)
    {
        var parent = proposal.Parent.Candidate;
        var current = parent.Components[proposal.Component];
        var records = ReflectiveDataset.FromRollouts(parentRollouts, proposal.Batch.ToDictionary(c => c.Id, c => c.Vars));
        proposal.Lessons = proposal.Parent.Lessons.With(records, _setup.Options.Lessons);
        string? text;
        if (proposal.Component == _setup.Profile.Heuristics)
        {
            var mutation = HeuristicMutation.Mutate(current, proposal.Parent.Agent.Heuristics, new Random(StableSeed.Of(_setup.Options.Seed, generation, proposal.Index)));
            text = mutation?.Yaml;
            proposal.Edit = mutation?.Description ?? "no knob to change";
        }
        else
        {
            var prompt = ReflectionPrompt.Build(proposal.Component, current, records, proposal.Parent.Rejected, null, proposal.Parent.Lessons);
            var (reply, finish) = await _reflection.AskAsync(prompt, cancellationToken).ConfigureAwait(false);
            var outcome = ReflectionReply.Parse(reply, finish);
            text = outcome.Text;
            if (outcome.Problem is not null)
            {
                proposal.Problem = "reflection reply refused: " + outcome.Problem;
                return;
            }

            proposal.Edit = EditSummary.Describe(current, text!);
        }

        if (text is null)
        {
            proposal.Problem = "no new text";
            return;
        }

        var components = new Dictionary<string, string>(parent.Components, StringComparer.Ordinal) { [proposal.Component] = text };
        proposal.Child = new Candidate(components, [parent.Id], proposal.Component == _setup.Profile.Heuristics ? "numeric" : "reflect", generation);
    }

    /// <summary>What the child pays per case for the characters it adds over its parent (<see cref="GepaOptions.LengthCost"/>).</summary>
    private double LengthPenalty(Proposal proposal)
    {
        static int Size(Candidate c) => c.Components.Values.Sum(t => t.Length);
        var growth = Size(proposal.Child!) - Size(proposal.Parent.Candidate);
        return _setup.Options.LengthCost * Math.Max(0, growth) / 1000.0;
    }

    /// <summary>Refuses a child before any rollout when a guard fails; otherwise makes it runnable.</summary>
    private void ApplyGuards(Proposal proposal)
    {
        var child = proposal.Child!;
        var problems = CandidateGuard.Check(_guards, child.Components);
        if (problems.Count > 0)
        {
            proposal.Problem = "guard: " + string.Join("; ", problems);
            // A duplicate is stored already under its own fate; its proposal event is all it adds.
            if (!_known.Contains(child.Id))
            {
                _store.SaveCandidate(child, CandidateStatus.Guarded, new { parent = proposal.Parent.Candidate.ShortId, proposal.Component, problems });
            }

            return;
        }

        _known.Add(child.Id);
        proposal.ChildAgent = AgentDefinition.Create(_setup.Profile, child.Components, _setup.Options.Sandbox);
    }

    private async Task<List<IReadOnlyList<Rollout>>> RunOnBatchesAsync(IReadOnlyList<(Candidate Candidate, AgentDefinition Agent, IReadOnlyList<EvalCase> Batch)> jobs, CancellationToken cancellationToken)
    {
        var requests = jobs.Select(j => Requests(j.Candidate, j.Agent, j.Batch, keepTrace: true)).ToList();
        _budget.Consume(requests.SelectMany(r => r));
        var all = await _executor.RunAsync(requests.SelectMany(r => r).ToList(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var result = new List<IReadOnlyList<Rollout>>();
        var offset = 0;
        foreach (var list in requests)
        {
            result.Add(all.Skip(offset).Take(list.Count).ToList());
            offset += list.Count;
        }

        return result;
    }

    private IReadOnlyList<RolloutRequest> Requests(Candidate candidate, AgentDefinition agent, IEnumerable<EvalCase> cases, bool keepTrace) =>
        RolloutRequest.For(candidate, agent, cases, _setup.Repeat, keepTrace);

    /// <summary>Validation rollouts: <see cref="GepaSetup.ValidationRepeat"/> per case, no traces (nothing reflects on them).</summary>
    private IReadOnlyList<RolloutRequest> ValRequests(Candidate candidate, AgentDefinition agent, IEnumerable<EvalCase> cases) =>
        RolloutRequest.For(candidate, agent, cases, _setup.ValidationRepeat);

    /// <summary>Mean score over repeats per case, in the order of <paramref name="cases"/>.</summary>
    private static List<double> CaseScores(IReadOnlyList<Rollout> rollouts, IReadOnlyList<EvalCase> cases)
    {
        var byCase = rollouts.GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.Average(r => r.Score.Value));
        return cases.Select(c => byCase[c.Id]).ToList();
    }
}
