using Microsoft.Extensions.AI;

namespace Evolve.Cli.Tests.Agent;

/// <summary>A model that shows what it was sent: answers <c>system text | count of user messages | last user text</c>.</summary>
internal static class SystemEcho
{
    public static ScriptedChatClient Client() => new((messages, _) =>
    {
        var system = string.Join("+", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var users = messages.Where(m => m.Role == ChatRole.User).ToList();
        return $"{system}|{users.Count}|{users[^1].Text}";
    });
}
