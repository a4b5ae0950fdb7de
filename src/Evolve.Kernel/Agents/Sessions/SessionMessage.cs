namespace Evolve.Kernel.Agents.Sessions;

/// <summary>One message of a session as stored.</summary>
/// <param name="Seq">The message's position in its session, from 1.</param>
/// <param name="Role">system, user, assistant or tool.</param>
/// <param name="Content">The text of the message.</param>
/// <param name="ToolName">The tool called or answering, if any.</param>
/// <param name="ToolCall">The tool call's arguments as JSON, if any.</param>
/// <param name="Time">When the message was stored (from the store's clock).</param>
public sealed record SessionMessage(
    long Seq,
    string Role,
    string Content,
    string? ToolName,
    string? ToolCall,
    DateTimeOffset Time);
