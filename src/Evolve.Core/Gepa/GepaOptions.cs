using Evolve.Core.Workspace;
using Evolve.Core.Gepa.Search;
using Evolve.Kernel;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Gepa;

/// <summary>Options of <c>evolve run</c>, with documented defaults, validated once into one error listing every problem.</summary>
public sealed record GepaOptions
{
    /// <summary>Default rollout budget.</summary>
    public const int DefaultBudget = 1500;

    /// <summary>Suite name. Required.</summary>
    public string? Suite { get; init; }

    /// <summary>Agent to optimize; default: the suite's.</summary>
    public string? Agent { get; init; }

    /// <summary>Task model URI; default: the agent's, else <c>sim</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Reflection model URI; default: the task model.</summary>
    public string? ReflectionModel { get; init; }

    /// <summary>Judge model URI for model-graded assertions (<c>llm-rubric</c>, <c>factuality</c>, ...); default <c>sim</c>.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Hard cap on rollouts, holdout check included (default 1500). Never exceeded.</summary>
    public int Budget { get; init; } = DefaultBudget;

    /// <summary>Target rollouts per generation, 100 to 500 (default 200).</summary>
    public int Batch { get; init; } = 200;

    /// <summary>Rollouts in flight (default 32).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>
    /// Task-model calls in flight at once, shared by every candidate's rollouts and handed out
    /// round-robin across candidates (default: half of <see cref="Concurrency"/>, at least 1). Below
    /// the concurrency so calls queue and no candidate's batch can hold every slot; like the
    /// concurrency, it never changes what a run finds.
    /// </summary>
    public int? ModelSlots { get; init; }

    /// <summary>The slots <see cref="ModelSlots"/> asks for, or its default.</summary>
    public int EffectiveModelSlots => ModelSlots ?? Math.Max(1, Concurrency / 2);

    /// <summary>Seed of every random choice (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Parent selection (default pareto).</summary>
    public ParentSelection Selection { get; init; } = ParentSelection.Pareto;

    /// <summary>System-aware merge of two lineages (default on).</summary>
    public bool Merge { get; init; } = true;

    /// <summary>
    /// After validation, the edits of children of one parent that joined the pool in the same
    /// generation, all applied to the parent's text as one more child (validated like any other):
    /// a batched generation's siblings then add up, as a sequential search's steps would.
    /// </summary>
    public bool Combine { get; init; }

    /// <summary>Train cases per reflective minibatch (default 3).</summary>
    public int Minibatch { get; init; } = 3;

    /// <summary>Repeats per case; default: the suite's.</summary>
    public int? Repeat { get; init; }

    /// <summary>
    /// Repeats per validation case; default: <see cref="Repeat"/>. More repeats make each child's
    /// validation mean less noisy, so fewer lucky candidates lead the pool, at that many times the cost.
    /// </summary>
    public int? ValidationRepeat { get; init; }

    /// <summary>
    /// Fresh validation repeats given to the leaders and the seed before the final pick (default 3;
    /// 0 picks by the search's own validation mean). The leader with the best lower bound on its
    /// difference from the seed is picked; none that does not beat the seed on these repeats.
    /// </summary>
    public int Revalidate { get; init; } = DefaultRevalidate;

    /// <summary>Default of <see cref="Revalidate"/>.</summary>
    public const int DefaultRevalidate = 3;

    /// <summary>
    /// Failing cases a lineage remembers and shows to each reflection on it (default 0, off: the
    /// ablation in bench/results/gepa-growth.md found no gain on coding):
    /// a reflection then sees what its ancestors failed on, not only its own minibatch.
    /// </summary>
    public int Lessons { get; init; } = DefaultLessons;

    /// <summary>Default of <see cref="Lessons"/>.</summary>
    public const int DefaultLessons = 0;

    /// <summary>
    /// Score a child pays in minibatch acceptance per 1,000 characters it adds over its parent, per
    /// case (default 0): growth is then a cost weighed against the gain, not only a cap.
    /// </summary>
    public double LengthCost { get; init; }

    /// <summary>Characters a component may grow beyond the seed's version; null for the guard's default (1,500, or 20% of a longer seed).</summary>
    public int? MaxGrowth { get; init; }

    /// <summary>Hard cap on one component's size in characters (default 15,000).</summary>
    public int MaxChars { get; init; } = DefaultMaxChars;

    /// <summary>Default of <see cref="MaxChars"/>.</summary>
    public const int DefaultMaxChars = 15_000;

    /// <summary>The guard limits these options set.</summary>
    public Reflection.GuardOptions Guards => new()
    {
        MinGrowthChars = MaxGrowth ?? new Reflection.GuardOptions().MinGrowthChars,
        MaxGrowthFraction = MaxGrowth is null ? new Reflection.GuardOptions().MaxGrowthFraction : 0,
        MaxComponentChars = MaxChars,
    };

    /// <summary>Stop after this much wall time; null for no limit.</summary>
    public TimeSpan? MaxTime { get; init; }

    /// <summary>Stop after this many generations without a better best validation score (default 10).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Stop once the best validation score reaches this; null for never.</summary>
    public double? TargetScore { get; init; }

    /// <summary>Minibatch acceptance rule (default <see cref="AcceptanceRule.Strict"/>).</summary>
    public AcceptanceRule Accept { get; init; } = AcceptanceRule.Strict;

    /// <summary>
    /// Candidates checked against the seed on the holdout split (default 3): the best by validation,
    /// then the next Pareto-front members by validation mean, with Holm-corrected p-values. Fewer
    /// when the budget cannot pay for them.
    /// </summary>
    public int Finalists { get; init; } = 3;

    /// <summary>Artifacts that may change (file names); null for all of the agent's.</summary>
    public IReadOnlyList<string>? Components { get; init; }

    /// <summary>Sandbox level for python-tests; null (the default, <c>--sandbox auto</c>) for the strongest available.</summary>
    public SandboxLevel? Sandbox { get; init; }

    /// <summary>A run id to resume; null starts a new run (or resumes an interrupted one with the same options).</summary>
    public string? Resume { get; init; }

    /// <summary>Where suites, agents and runs live.</summary>
    public required WorkspacePaths Paths { get; init; }

    /// <summary>Throws one <see cref="InputException"/> listing every invalid option.</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        void Check(bool ok, string flag, string message)
        {
            if (!ok)
            {
                errors.Add(new InputError(flag, null, null, message));
            }
        }

        Check(!string.IsNullOrWhiteSpace(Suite) || Resume is not null, "--suite", "a suite is required (evolve suite list shows them)");
        Check(Budget >= 1, "--budget", $"must be at least 1, not {Budget}");
        Check(Batch is >= 100 and <= 500, "--batch", $"must be between 100 and 500 rollouts, not {Batch}");
        Check(Concurrency is >= 1 and <= 4096, "--concurrency", $"must be between 1 and 4096, not {Concurrency}");
        Check(ModelSlots is null || (ModelSlots >= 1 && ModelSlots <= Concurrency), "--model-slots", $"must be between 1 and --concurrency ({Concurrency}), not {ModelSlots}");
        Check(Minibatch is >= 1 and <= 50, "--minibatch", $"must be between 1 and 50, not {Minibatch}");
        Check(Repeat is null or (>= 1 and <= 100), "--repeat", $"must be between 1 and 100, not {Repeat}");
        Check(ValidationRepeat is null or (>= 1 and <= 100), "--validation-repeat", $"must be between 1 and 100, not {ValidationRepeat}");
        Check(Revalidate is >= 0 and <= 20, "--revalidate", $"must be between 0 and 20, not {Revalidate}");
        Check(Lessons is >= 0 and <= 50, "--lessons", $"must be between 0 and 50, not {Lessons}");
        Check(LengthCost is >= 0 and <= 1, "--length-cost", $"must be between 0 and 1 (score per 1,000 characters), not {LengthCost}");
        Check(MaxGrowth is null or (>= 0 and <= 1_000_000), "--max-growth", $"must be between 0 and 1000000 characters, not {MaxGrowth}");
        Check(MaxChars is >= 1 and <= 1_000_000, "--max-chars", $"must be between 1 and 1000000 characters, not {MaxChars}");
        Check(Finalists is >= 1 and <= 10, "--finalists", $"must be between 1 and 10, not {Finalists}");
        Check(Patience >= 1, "--patience", $"must be at least 1, not {Patience}");
        Check(TargetScore is null or (> 0 and <= 1), "--target-score", $"must be in (0, 1], not {TargetScore}");
        Check(MaxTime is null || MaxTime > TimeSpan.Zero, "--max-time", "must be positive");
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }
}
