using Evolve.Core.Evaluation;
using Evolve.Core.Gepa.Reflection;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>A candidate in the optimizer's pool: its agent, its validation scores and its search memory.</summary>
internal sealed class PoolEntry(Candidate candidate, AgentDefinition agent, int index, int pointer)
{
    public Candidate Candidate { get; } = candidate;

    public AgentDefinition Agent { get; } = agent;

    /// <summary>Order it joined the pool (0 = seed).</summary>
    public int Index { get; } = index;

    /// <summary>Round-robin pointer into the mutable components.</summary>
    public int Pointer { get; set; } = pointer;

    /// <summary>Mean score per validation case.</summary>
    public Dictionary<string, double> ValScores { get; } = new(StringComparer.Ordinal);

    /// <summary>Edits proposed from this candidate and rejected, shown to the reflection model.</summary>
    public List<RejectedEdit> Rejected { get; } = [];

    /// <summary>Failures this candidate's lineage met on its minibatches, shown to reflection on it.</summary>
    public LineageLessons Lessons { get; set; } = LineageLessons.None;

    public double Mean => ValScores.Count == 0 ? 0 : ValScores.Values.Average();
}
