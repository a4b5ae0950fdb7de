namespace Evolve.Kernel.Agents.Tools.Mcp;

/// <summary>
/// One MCP server an agent takes tools from (agent.yaml field <c>mcp</c>): a command started as a
/// child process that speaks MCP over stdio.
/// </summary>
/// <param name="Name">The server's name in agent.yaml; its tools are offered as <c>&lt;Name&gt;__&lt;tool&gt;</c>.</param>
/// <param name="Command">The executable to start (looked up on PATH).</param>
/// <param name="Args">Its arguments, passed as given (no shell).</param>
public sealed record McpServerConfig(string Name, string Command, IReadOnlyList<string> Args)
{
    /// <summary>Extra environment variables for the server process; empty by default.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long any one request may take before it fails; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The file errors are reported against; default <c>agent.yaml</c>.</summary>
    public string Source { get; init; } = "agent.yaml";
}
