using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>
/// One generation, as phases over immutable <see cref="Proposal"/> records: plan, run parents,
/// reflect, guard, run children (and accept), validate. Each phase hands the next a new list.
/// </summary>
internal sealed partial class GepaEngine
{
    private async Task<(GenerationSummary Summary, IReadOnlyList<ProposalSkippedEvent> Skipped)> RunGenerationAsync(int generation, CancellationToken cancellationToken)
    {
        var rng = new Random(StableSeed.Of(_setup.Options.Seed, generation, 0x6e9a));
        var merged = await TryMergeAsync(generation, rng, cancellationToken).ConfigureAwait(false);
        var planned = Plan(rng);
        if (planned.Count == 0)
        {
            return (new GenerationSummary { Generation = generation, Spent = 0, Budget = 0, BestScore = 0, BestId = "", FrontSize = 0, PoolSize = 0, Merged = merged }, []);
        }

        var (parentsRun, traces) = await RunParentsAsync(planned, cancellationToken).ConfigureAwait(false);
        var reflected = await ReflectAsync(parentsRun, traces, generation, cancellationToken).ConfigureAwait(false);
        var guarded = reflected.Select(Guard).ToList();
        var childrenRun = await RunChildrenAsync(guarded, cancellationToken).ConfigureAwait(false);
        var accepted = childrenRun.Where(p => p.Accepted).ToList();
        var skipped = childrenRun
            .Where(p => p.Problem is not null)
            .Select(p => new ProposalSkippedEvent(generation, p.Parent.Candidate.ShortId, p.Child?.ShortId, p.Component, p.Problem!))
            .ToList();
        var (joined, raced, saved) = await ValidateChildrenAsync(accepted, cancellationToken).ConfigureAwait(false);
        var combined = await CombineSiblingsAsync(joined, generation, cancellationToken).ConfigureAwait(false);
        _mergesDue += joined.Count > 0 ? 1 : 0;
        var live = childrenRun.Count(p => p.Live);
        return (new GenerationSummary
        {
            Generation = generation, Spent = 0, Budget = 0, BestScore = 0, BestId = "", FrontSize = 0, PoolSize = 0,
            Proposed = planned.Count, Accepted = accepted.Count, Rejected = live - accepted.Count,
            Guarded = childrenRun.Count(p => p.Problem is not null && p.Child is not null),
            Raced = raced, RacingSaved = saved, Merged = merged, Combined = combined,
        }, skipped);
    }

    /// <summary>Parents on their minibatches, all as one batch, with traces for reflection.</summary>
    private async Task<(List<Proposal> Proposals, List<IReadOnlyList<Rollout>> Traces)> RunParentsAsync(IReadOnlyList<Proposal> planned, CancellationToken cancellationToken)
    {
        var runs = await RunOnBatchesAsync(planned.Select(p => (p.Parent.Candidate, p.Parent.Agent, p.Batch)).ToList(), cancellationToken).ConfigureAwait(false);
        return (planned.Select((p, i) => p with { ParentScores = CaseScores(runs[i], p.Batch) }).ToList(), runs);
    }

    /// <summary>Reflections concurrently; a perfect minibatch has nothing to teach (GEPA skips it at no cost).</summary>
    private async Task<Proposal[]> ReflectAsync(List<Proposal> proposals, List<IReadOnlyList<Rollout>> traces, int generation, CancellationToken cancellationToken) =>
        await Task.WhenAll(proposals.Select((p, i) => p.ParentScores.All(s => s >= 1)
            ? Task.FromResult(p.Skipped("the parent is already perfect on this minibatch"))
            : ProposeAsync(p, traces[i], generation, cancellationToken))).ConfigureAwait(false);

    /// <summary>
    /// Children on their minibatches as one batch, each accepted or rejected against its parent.
    /// Runs after every reply is in and every guard has run in proposal order, so which of two
    /// identical children counts as the duplicate never depends on which reply arrived first.
    /// </summary>
    private async Task<List<Proposal>> RunChildrenAsync(IReadOnlyList<Proposal> proposals, CancellationToken cancellationToken)
    {
        var live = proposals.Where(p => p.Live).ToList();
        var runs = await RunOnBatchesAsync(live.Select(p => (p.Child!, p.ChildAgent!, p.Batch)).ToList(), cancellationToken).ConfigureAwait(false);
        var byIndex = new Dictionary<int, Proposal>();
        for (var i = 0; i < live.Count; i++)
        {
            var scores = CaseScores(runs[i], live[i].Batch);
            var judged = live[i] with { ChildScores = scores, Accepted = _acceptance.Accepts(live[i].ParentScores, scores, LengthPenalty(live[i])) };
            if (!judged.Accepted)
            {
                judged.Parent.Rejected.Add(new RejectedEdit(judged.Parent.Candidate.Id, judged.Component, judged.Edit));
                _journal.SaveCandidate(judged.Child!, CandidateStatus.Rejected, new { parent = judged.Parent.Candidate.ShortId, judged.Component, judged.Edit, parentScores = judged.ParentScores, childScores = judged.ChildScores });
            }

            byIndex[judged.Index] = judged;
        }

        return proposals.Select(p => byIndex.GetValueOrDefault(p.Index, p)).ToList();
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

    private async Task<Proposal> ProposeAsync(Proposal proposal, IReadOnlyList<Rollout> parentRollouts, int generation, CancellationToken cancellationToken)
    {
        var parent = proposal.Parent.Candidate;
        var current = parent.Components[proposal.Component];
        var records = ReflectiveDataset.FromRollouts(parentRollouts, proposal.Batch.ToDictionary(c => c.Id, c => c.Vars));
        proposal = proposal with { Lessons = proposal.Parent.Lessons.With(records, _setup.Options.Lessons) };
        string? text;
        string edit;
        if (proposal.Component == _setup.Profile.Heuristics)
        {
            var mutation = HeuristicMutation.Mutate(current, proposal.Parent.Agent.Heuristics, new Random(StableSeed.Of(_setup.Options.Seed, generation, proposal.Index)));
            text = mutation?.Yaml;
            edit = mutation?.Description ?? "no knob to change";
        }
        else
        {
            var prompt = ReflectionPrompt.Build(proposal.Component, current, records, proposal.Parent.Rejected, null, proposal.Parent.Lessons);
            var (reply, finish) = await _reflection.AskAsync(prompt, cancellationToken).ConfigureAwait(false);
            var outcome = ReflectionReply.Parse(reply, finish);
            if (outcome.Problem is not null)
            {
                return proposal.Skipped("reflection reply refused: " + outcome.Problem);
            }

            text = outcome.Text;
            edit = EditSummary.Describe(current, text!);
        }

        if (text is null)
        {
            return proposal with { Edit = edit, Problem = "no new text" };
        }

        var components = new Dictionary<string, string>(parent.Components, StringComparer.Ordinal) { [proposal.Component] = text };
        var child = new Candidate(components, [parent.Id], proposal.Component == _setup.Profile.Heuristics ? "numeric" : "reflect", generation);
        return proposal with { Edit = edit, Child = child };
    }

    /// <summary>What the child pays per case for the characters it adds over its parent (<see cref="GepaOptions.LengthCost"/>).</summary>
    private double LengthPenalty(Proposal proposal)
    {
        static int Size(Candidate c) => c.Components.Values.Sum(t => t.Length);
        var growth = Size(proposal.Child!) - Size(proposal.Parent.Candidate);
        return _setup.Options.LengthCost * Math.Max(0, growth) / 1000.0;
    }

    /// <summary>Refuses a child before any rollout when a guard fails; otherwise makes it runnable.</summary>
    private Proposal Guard(Proposal proposal)
    {
        if (!proposal.Live)
        {
            return proposal;
        }

        var child = proposal.Child!;
        var problems = CandidateGuard.Check(_guards, child.Components);
        if (problems.Count > 0)
        {
            // A duplicate is stored already under its own fate; its proposal event is all it adds.
            if (!_known.Contains(child.Id))
            {
                _journal.SaveCandidate(child, CandidateStatus.Guarded, new { parent = proposal.Parent.Candidate.ShortId, proposal.Component, problems });
            }

            return proposal.Skipped("guard: " + string.Join("; ", problems));
        }

        _known.Add(child.Id);
        return proposal with { ChildAgent = AgentDefinition.Create(_setup.Profile, child.Components, _setup.Options.Sandbox) };
    }

    private async Task<List<IReadOnlyList<Rollout>>> RunOnBatchesAsync(IReadOnlyList<(Candidate Candidate, AgentDefinition Agent, IReadOnlyList<EvalCase> Batch)> jobs, CancellationToken cancellationToken)
    {
        var requests = jobs.Select(j => Requests(j.Candidate, j.Agent, j.Batch, keepTrace: true)).ToList();
        _budget.Consume(requests.SelectMany(r => r));
        var all = await _runner.RunAsync(requests.SelectMany(r => r).ToList(), cancellationToken).ConfigureAwait(false);
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
