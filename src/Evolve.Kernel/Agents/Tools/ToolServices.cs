using Evolve.Kernel.Agents.Memory;
using Evolve.Kernel.Agents.Safety;
using Evolve.Kernel.Agents.Sessions;
using Evolve.Kernel.Agents.Skills;
using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Agents.Tools;

/// <summary>What the built-in tools run against; a tool whose service is missing cannot be offered.</summary>
public sealed record ToolServices
{
    /// <summary>Gives the sandbox for run_python (created lazily: probing levels costs processes).</summary>
    public Func<CancellationToken, Task<ISandbox>>? Sandbox { get; init; }

    /// <summary>The skills read_skill may return.</summary>
    public SkillCatalog Skills { get; init; } = SkillCatalog.Empty;

    /// <summary>The memory the memory tool edits, or null.</summary>
    public AgentMemory? Memory { get; init; }

    /// <summary>The session store search_sessions queries, or null.</summary>
    public SessionStore? Sessions { get; init; }

    /// <summary>
    /// The only scope search_sessions finds sessions of (see <see cref="SessionStore.SearchInScopeAsync"/>);
    /// null, the default, is the agent's shared sessions, those recorded without a scope.
    /// </summary>
    public string? SessionScope { get; init; }

    /// <summary>The guard every tool call passes first, or null for none.</summary>
    public SafetyGuard? Guard { get; init; }

    /// <summary>Tools from elsewhere (MCP servers), offered under their own names.</summary>
    public IReadOnlyList<Microsoft.Extensions.AI.AIFunction> Extra { get; init; } = [];

    /// <summary>Cap on each tool result, in characters.</summary>
    public int MaxResultChars { get; init; } = ToolText.DefaultMaxChars;

    /// <summary>run_python on the best sandbox level this machine has (<see cref="SandboxFactory.Shared"/>).</summary>
    public static Func<CancellationToken, Task<ISandbox>> DefaultSandbox { get; } = SandboxAt(null);

    /// <summary>run_python at <c>--sandbox</c>'s level (null: the strongest available), chosen as scoring chooses it.</summary>
    public static Func<CancellationToken, Task<ISandbox>> SandboxAt(SandboxLevel? level) =>
        _ => SandboxFactory.Shared.CreateAsync(level);
}
