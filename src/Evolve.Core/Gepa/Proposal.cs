using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>One child in the making: its parent, the minibatch it is judged on, and what became of it.</summary>
internal sealed class Proposal(int index, PoolEntry parent, IReadOnlyList<EvalCase> batch, string component)
{
    public int Index { get; } = index;

    public PoolEntry Parent { get; } = parent;

    public IReadOnlyList<EvalCase> Batch { get; } = batch;

    public string Component { get; } = component;

    public Candidate? Child { get; set; }

    public AgentDefinition? ChildAgent { get; set; }

    /// <summary>Why the proposal ended without a child worth running, or null.</summary>
    public string? Problem { get; set; }

    /// <summary>What changed, in a line (for rejected-edit memory and the run record).</summary>
    public string Edit { get; set; } = "";

    /// <summary>The parent's lessons plus this minibatch's failures: the child's, should it join the pool.</summary>
    public LineageLessons Lessons { get; set; } = LineageLessons.None;

    public IReadOnlyList<double> ParentScores { get; set; } = [];

    public IReadOnlyList<double> ChildScores { get; set; } = [];
}
