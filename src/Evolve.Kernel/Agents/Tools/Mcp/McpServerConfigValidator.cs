using System.Text.RegularExpressions;

namespace Evolve.Kernel.Agents.Tools.Mcp;

/// <summary>Checks a server entry once, before anything starts, and reports every problem together.</summary>
internal static partial class McpServerConfigValidator
{
    /// <summary>Throws an <see cref="InputException"/> on field <c>mcp</c> listing each problem, or returns.</summary>
    public static void Validate(McpServerConfig config)
    {
        var errors = new List<InputError>();
        void Add(string message) => errors.Add(new InputError(config.Source, null, "mcp", message));

        // The name becomes a tool-name prefix, and providers accept only [A-Za-z0-9_-] in tool names.
        if (string.IsNullOrEmpty(config.Name) || !NamePattern().IsMatch(config.Name))
        {
            Add($"MCP server name '{config.Name}' must be letters, digits, '_' or '-'");
        }

        if (string.IsNullOrWhiteSpace(config.Command))
        {
            Add($"MCP server '{config.Name}': command is empty");
        }

        if (config.RequestTimeout <= TimeSpan.Zero)
        {
            Add($"MCP server '{config.Name}': request timeout must be positive (got {config.RequestTimeout})");
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex NamePattern();
}
