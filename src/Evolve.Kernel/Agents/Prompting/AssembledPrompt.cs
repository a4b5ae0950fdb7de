using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Prompting;

/// <summary>The messages of a session's first request and the SHA-256 of its system prompt.</summary>
/// <param name="Messages">System message (when any layer is non-empty), then the user task.</param>
/// <param name="SystemSha256">Lowercase hex SHA-256 of the system text (of "" when there is none).</param>
public sealed record AssembledPrompt(List<ChatMessage> Messages, string SystemSha256);
