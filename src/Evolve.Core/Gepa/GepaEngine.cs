using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Gepa.Seams;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>
/// Batched GEPA. Each generation samples several parents from the Pareto front, runs every
/// parent's minibatch as one concurrent batch, asks for all reflections at once, runs every child
/// as one batch, then validates the accepted children together (racing out the clearly worse).
/// Every decision depends only on the seed, the generation and stored results, never on timing:
/// the same seed gives the same run at any concurrency, and a resumed run replays its stored
/// rollouts and reflections to reach the same state without spending them again. It reaches the
/// rest of Evolve only through three seams: <see cref="IRolloutBatchRunner"/> (rollouts),
/// <see cref="IRunJournal"/> (what it records and replays) and <see cref="IStopSignal"/>.
/// </summary>
internal sealed partial class GepaEngine
{
    private readonly GepaSetup _setup;
    private readonly IRolloutBatchRunner _runner;
    private readonly ReflectionClient _reflection;
    private readonly IRunJournal _journal;
    private readonly IStopSignal _stop;
    private readonly TimeProvider _time;
    private readonly RolloutBudget _budget;
    private readonly IParentSelector _selector;
    private readonly AcceptanceRule _acceptance;
    private readonly MinibatchSampler _sampler;
    private readonly List<PoolEntry> _pool = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _triedMerges = [];
    private readonly Racing _racing = new();
    private readonly MergePlanner _mergePlanner = new();
    private readonly GuardContext _guards;
    private long _draws;
    private int _mergesDue;
    private int _mergesAccepted;

    public GepaEngine(GepaSetup setup, IRolloutBatchRunner runner, ReflectionClient reflection, IRunJournal journal, IStopSignal stop, TimeProvider time)
    {
        _setup = setup;
        _runner = runner;
        _reflection = reflection;
        _journal = journal;
        _stop = stop;
        _time = time;
        _budget = new RolloutBudget(setup.Options.Budget, setup.HoldoutCost + setup.RevalidationCost);
        _selector = ParentSelectors.Create(setup.Options.Selection);
        _acceptance = setup.Options.Accept;
        _sampler = new MinibatchSampler(setup.Train.Select(c => c.Id).ToList(), setup.Options.Seed);
        // The guard reads the live set of known ids, so duplicates of any candidate made so far are refused.
        _guards = new GuardContext(setup.Profile, setup.Seed.Components, _known, setup.Train.Select(CaseOracle.Reference).OfType<string>(), setup.Options.Guards);
    }

    public RolloutBudget Budget => _budget;

    public int RacingSaved { get; private set; }

    public int Generations { get; private set; }

    public string? StopReason { get; private set; }

    /// <summary>Runs generations until a stopper fires; returns the best candidate's pool entry and the seed's.</summary>
    public async Task<(PoolEntry Seed, PoolEntry Best)> RunAsync(Action<GenerationSummary> onGeneration, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var seed = new PoolEntry(_setup.Seed, AgentDefinition.Create(_setup.Profile, _setup.Seed.Components, _setup.Options.Sandbox), 0, 0);
        _known.Add(seed.Candidate.Id);
        await ValidateAsync([seed], cancellationToken).ConfigureAwait(false);
        Join(seed, "seed");
        Report(onGeneration, new GenerationSummary { Generation = 0, Spent = 0, Budget = 0, BestScore = 0, BestId = "", FrontSize = 0, PoolSize = 0 }, []);

        var best = Best().Mean;
        var stale = 0;
        for (var generation = 1; ; generation++)
        {
            StopReason = Stopper(started, best, stale, cancellationToken);
            if (StopReason is not null)
            {
                break;
            }

            var (summary, skipped) = await RunGenerationAsync(generation, cancellationToken).ConfigureAwait(false);
            Generations = generation;
            Report(onGeneration, summary, skipped);
            var now = Best().Mean;
            stale = now > best + 1e-12 ? 0 : stale + 1;
            best = Math.Max(best, now);
            if (summary.Proposed == 0 && summary.Merged == 0)
            {
                StopReason = "budget: not enough rollouts left for another proposal";
                break;
            }
        }

        return (seed, Best());
    }

    private string? Stopper(long started, double best, int stale, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var options = _setup.Options;
        if (_budget.Available < _setup.ProposalCost)
        {
            return $"budget: {_budget.Spent} of {_budget.Total} rollouts spent ({_budget.Reserve} kept for the holdout check)";
        }

        if (options.MaxTime is TimeSpan max && _time.GetElapsedTime(started) >= max)
        {
            return $"time: --max-time {max} reached";
        }

        if (stale >= options.Patience)
        {
            return $"no improvement for {stale} generations (--patience {options.Patience})";
        }

        if (options.TargetScore is double target && best >= target)
        {
            return $"target: best validation score {best:0.000} reached --target-score {target}";
        }

        return _stop.Reason;
    }

    /// <summary>Completes the summary with the pool's state, records it with the generation's skipped proposals, and tells the caller.</summary>
    private void Report(Action<GenerationSummary> onGeneration, GenerationSummary summary, IReadOnlyList<ProposalSkippedEvent> skipped)
    {
        var members = Members();
        summary = summary with
        {
            Spent = _budget.Spent, Budget = _budget.Total, BestScore = Best().Mean, BestId = Best().Candidate.ShortId,
            FrontSize = ParetoFront.Build(members, ValIds).Size, PoolSize = _pool.Count,
        };
        _journal.SaveGeneration(summary, skipped);
        onGeneration(summary);
    }

    private IReadOnlyList<string> ValIds => _setup.Val.Select(c => c.Id).ToList();

    private List<PoolMember> Members() =>
        _pool.Select(p => new PoolMember(p.Candidate.Id, p.Index, p.ValScores, p.Candidate.Parents)).ToList();

    private PoolEntry Best()
    {
        var best = ParetoFront.Best(Members());
        return _pool.First(p => p.Candidate.Id == best.Id);
    }

    private void Join(PoolEntry entry, string how)
    {
        _pool.Add(entry);
        _journal.SaveCandidate(entry.Candidate, CandidateStatus.Pool, new { how, mean = entry.Mean, index = entry.Index });
    }
}
