using Evolve.Kernel.Sandbox;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Evaluation;

/// <summary>What a job needs of its scorer.</summary>
/// <param name="RunsCode">True when some case has a python-tests assertion, so a sandbox is needed.</param>
/// <param name="Level">The <c>--sandbox</c> level; null picks the strongest available.</param>
public readonly record struct ScorerRequest(bool RunsCode, SandboxLevel? Level)
{
    /// <summary>The judge model's pipeline for model-graded assertions; null when no case has one.</summary>
    public IChatClient? Judge { get; init; }
}
