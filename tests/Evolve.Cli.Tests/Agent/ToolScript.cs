using Microsoft.Extensions.AI;

namespace Evolve.Cli.Tests.Agent;

/// <summary>
/// A model scripted by the user's words, on the shared fake: <c>remember X</c> calls the memory tool
/// to add X, <c>search X</c> calls search_sessions for X, a tool result is answered as
/// <c>tool: RESULT</c>, and anything else is answered with the system prompt it was sent (so a test
/// sees the memory in it).
/// </summary>
internal static class ToolScript
{
    public static ScriptedChatClient Client() => ScriptedChatClient.Replying(Next);

    private static ChatMessage Next(IReadOnlyList<ChatMessage> messages)
    {
        if (messages[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault() is { } result)
        {
            return ScriptedChatClient.Answer($"tool: {result.Result}");
        }

        var user = messages.Last(m => m.Role == ChatRole.User).Text;
        if (user.StartsWith("remember ", StringComparison.Ordinal))
        {
            return ScriptedChatClient.Call("call-1", "memory", ("action", "add"), ("target", "memory"), ("text", user["remember ".Length..]));
        }

        return user.StartsWith("search ", StringComparison.Ordinal)
            ? ScriptedChatClient.Call("call-1", "search_sessions", ("query", user["search ".Length..]))
            : ScriptedChatClient.Answer(string.Join("\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text)));
    }
}
