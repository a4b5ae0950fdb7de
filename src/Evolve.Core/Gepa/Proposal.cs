using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>
/// One child in the making, as an immutable record per phase of a generation: each phase (parents
/// run, reflected, guarded, children run) returns a new record with what it learned, so what a
/// phase saw is what the phase before it handed over, never a field another phase changed later.
/// </summary>
/// <param name="Index">Its place in the generation's plan (seeds its random draws).</param>
/// <param name="Parent">The pool entry it is made from.</param>
/// <param name="Batch">The training minibatch parent and child are judged on.</param>
/// <param name="Component">The artifact it changes.</param>
internal sealed record Proposal(int Index, PoolEntry Parent, IReadOnlyList<EvalCase> Batch, string Component)
{
    /// <summary>The parent's mean score per minibatch case (phase: parents run).</summary>
    public IReadOnlyList<double> ParentScores { get; init; } = [];

    /// <summary>The proposed child (phase: reflected).</summary>
    public Candidate? Child { get; init; }

    /// <summary>What changed, in a line (for rejected-edit memory and the run record).</summary>
    public string Edit { get; init; } = "";

    /// <summary>The parent's lessons plus this minibatch's failures: the child's, should it join the pool.</summary>
    public LineageLessons Lessons { get; init; } = LineageLessons.None;

    /// <summary>Why the proposal ended without a child worth running, or null.</summary>
    public string? Problem { get; init; }

    /// <summary>The child as a runnable agent, once the guards let it through (phase: guarded).</summary>
    public AgentDefinition? ChildAgent { get; init; }

    /// <summary>The child's mean score per minibatch case (phase: children run).</summary>
    public IReadOnlyList<double> ChildScores { get; init; } = [];

    /// <summary>True when the acceptance rule let the child on to validation (phase: children run).</summary>
    public bool Accepted { get; init; }

    /// <summary>A child that the guards let through: it is run on the minibatch.</summary>
    public bool Live => Child is not null && Problem is null;

    /// <summary>Ends the proposal with <paramref name="problem"/>.</summary>
    public Proposal Skipped(string problem) => this with { Problem = problem };
}
