namespace Evolve.Core.Scoring;

/// <summary>One tool call the agent made: the tool's name and its arguments as a JSON object.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="ArgumentsJson">The arguments, a JSON object (<c>{}</c> when none).</param>
public sealed record ToolCall(string Name, string ArgumentsJson);
