using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Agents;

/// <summary>
/// An agent as declared in <c>prompts/&lt;agent&gt;/agent.yaml</c>: which files hold its artifacts
/// and how its answers are read.
/// </summary>
public sealed record AgentProfile
{
    /// <summary>Agent name (its folder name).</summary>
    public required string Name { get; init; }

    /// <summary>The agent's folder.</summary>
    public required string Directory { get; init; }

    /// <summary>One line saying what the agent does.</summary>
    public string? Description { get; init; }

    /// <summary>Default model URI, or null for the caller's choice.</summary>
    public string? Model { get; init; }

    /// <summary>File name of the system (identity) template, relative to <see cref="Directory"/>, or null.</summary>
    public string? System { get; init; }

    /// <summary>File name of the task template that renders a case's vars into the user message.</summary>
    public required string Task { get; init; }

    /// <summary>File name of the heuristics document, or null.</summary>
    public string? Heuristics { get; init; }

    /// <summary>How answers are read (and how the simulator formats them).</summary>
    public SimAnswerKind Answer { get; init; } = SimAnswerKind.Text;

    /// <summary>
    /// agent.yaml <c>missing_vars: empty</c>: a var the prompts read but a case does not give renders
    /// empty, as promptfoo's Nunjucks does (a promptfoo import sets it); by default it fails the case.
    /// </summary>
    public bool MissingVarsRenderEmpty { get; init; }

    /// <summary>Alternative task templates (for example the other prompts of a promptfoo import).</summary>
    public IReadOnlyList<string> Variants { get; init; } = [];

    /// <summary>Names of the tools the agent is offered (agent.yaml <c>tools:</c>); empty by default.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>
    /// Allow/ask/deny rules for tool calls (last match wins). A tool the agent lists is allowed unless
    /// a rule says otherwise; an ask with nobody to answer is a deny.
    /// </summary>
    public IReadOnlyList<Safety.SafetyRule> Permissions { get; init; } = [];

    /// <summary>MCP servers whose tools the agent may list in <see cref="Tools"/> (as <c>server__tool</c>).</summary>
    public IReadOnlyList<Tools.Mcp.McpServerConfig> Mcp { get; init; } = [];

    /// <summary>
    /// True when every client of a served agent shares one memory and one set of searchable sessions
    /// (agent.yaml <c>shared_memory: true</c>); false by default, so each user or conversation has its own.
    /// </summary>
    public bool SharedMemory { get; init; }

    /// <summary>Variables to render templates with when validating them.</summary>
    public IReadOnlyDictionary<string, object?> SampleVars { get; init; } = new Dictionary<string, object?>();

    /// <summary>
    /// The component a <c>--prompt FILE</c> replaces and the optimizer mutates first: the system
    /// template when there is one, else the task template.
    /// </summary>
    public string PrimaryComponent => System ?? Task;

    /// <summary>The artifact files that make up a candidate, in a stable order.</summary>
    public IEnumerable<string> ComponentFiles =>
        new[] { System, Task, Heuristics }.OfType<string>();
}
