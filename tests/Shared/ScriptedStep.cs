using Microsoft.Extensions.AI;

namespace Evolve.Tests.Shared;

/// <summary>
/// What one call to a <see cref="ScriptedChatClient"/> does: answer with a message and usage, throw
/// (a streaming call first yields <paramref name="UpdatesFirst"/> parts), or hang until cancelled.
/// </summary>
internal sealed record ScriptedStep(ChatMessage? Message, long Input, long Output, Exception? Failure = null, int UpdatesFirst = 0, bool Hangs = false);
