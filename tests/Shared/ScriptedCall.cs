using Microsoft.Extensions.AI;

namespace Evolve.Tests.Shared;

/// <summary>One request a <see cref="ScriptedChatClient"/> received.</summary>
internal sealed record ScriptedCall(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options);
