using Evolve.Kernel.Agents.Memory;
using Evolve.Kernel.Agents.Skills;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Prompting;

/// <summary>The inputs of one assembled prompt, one property per layer, in prompt order.</summary>
public sealed record PromptLayers
{
    /// <summary>The agent's rendered system (identity) template, or null.</summary>
    public string? Identity { get; init; }

    /// <summary>The tools offered this session; each gets one guidance line.</summary>
    public IReadOnlyList<AITool> Tools { get; init; } = [];

    /// <summary>The memory frozen at session start, or null when the agent has no memory.</summary>
    public MemorySnapshot? Memory { get; init; }

    /// <summary>The skills whose index goes into the prompt.</summary>
    public SkillCatalog Skills { get; init; } = SkillCatalog.Empty;

    /// <summary>The rendered task (the user message).</summary>
    public required string Task { get; init; }
}
