using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Evaluation;

/// <summary>Everything one evaluation of one candidate needs.</summary>
public sealed record EvaluationPlan
{
    /// <summary>The suite (for its default assertions).</summary>
    public required Suite Suite { get; init; }

    /// <summary>The cases to run (already filtered by split).</summary>
    public required IReadOnlyList<EvalCase> Cases { get; init; }

    /// <summary>Repeats per case (at least 1).</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>The candidate whose artifacts are evaluated.</summary>
    public required Candidate Candidate { get; init; }

    /// <summary>The candidate parsed into a runnable agent.</summary>
    public required AgentDefinition Agent { get; init; }

    /// <summary>The task model pipeline.</summary>
    public required IChatClient Model { get; init; }

    /// <summary>The scorer.</summary>
    public required ICaseScorer Scorer { get; init; }

    /// <summary>Maximum rollouts in flight (default 32).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Keep each rollout's conversation as JSON (the optimizer needs traces; a plain eval does not).</summary>
    public bool KeepTraces { get; init; }
}
