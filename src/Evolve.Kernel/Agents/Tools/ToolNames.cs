namespace Evolve.Kernel.Agents.Tools;

/// <summary>Names of the built-in tools, as listed under <c>tools:</c> in agent.yaml.</summary>
public static class ToolNames
{
    /// <summary>Runs Python in the sandbox.</summary>
    public const string RunPython = "run_python";

    /// <summary>Loads a skill body.</summary>
    public const string ReadSkill = "read_skill";

    /// <summary>Edits MEMORY.md / USER.md.</summary>
    public const string Memory = "memory";

    /// <summary>Full-text search over past sessions.</summary>
    public const string SearchSessions = "search_sessions";

    /// <summary>Every built-in name.</summary>
    public static IReadOnlyList<string> All { get; } = [RunPython, ReadSkill, Memory, SearchSessions];
}
