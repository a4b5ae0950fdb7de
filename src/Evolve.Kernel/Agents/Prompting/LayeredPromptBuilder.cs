using System.Security.Cryptography;
using System.Text;
using Evolve.Kernel.Prompts;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Prompting;

/// <summary>
/// Assembles the system prompt in one fixed order (identity, tool guidance, memory, skills index)
/// so the same inputs always give the same bytes and a provider's prefix cache stays warm.
/// An agent with only an identity gets exactly its identity text, so plain agents are unchanged.
/// </summary>
public static class LayeredPromptBuilder
{
    /// <summary>Builds the messages and the system prompt's hash.</summary>
    public static AssembledPrompt Build(PromptLayers layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var system = SystemText(layers);
        // A task in chat form (a promptfoo chat prompt) brings its own messages: its system
        // messages follow the agent's system layers, the rest are sent in their order.
        var chat = ChatPrompt.TryRead(layers.Task);
        if (chat is not null)
        {
            system = string.Join("\n\n", chat.Where(m => m.Role == "system").Select(m => m.Content).Prepend(system).Where(t => t.Length > 0));
        }

        var messages = new List<ChatMessage>(2);
        if (system.Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.System, system));
        }

        if (chat is null)
        {
            messages.Add(new ChatMessage(ChatRole.User, layers.Task));
        }
        else
        {
            messages.AddRange(chat.Where(m => m.Role != "system").Select(m => new ChatMessage(m.Role == "user" ? ChatRole.User : ChatRole.Assistant, m.Content)));
        }

        return new AssembledPrompt(messages, Sha256(system));
    }

    /// <summary>The system text alone, layers separated by blank lines.</summary>
    public static string SystemText(PromptLayers layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var parts = new List<string>(4);
        if (!string.IsNullOrEmpty(layers.Identity))
        {
            parts.Add(layers.Identity);
        }

        if (layers.Tools.Count > 0)
        {
            parts.Add("## Tools\n" + string.Join('\n', layers.Tools.Select(t => $"- {t.Name}: {OneLine(t.Description)}")));
        }

        if (layers.Memory is { } memory && (memory.Memory.Length > 0 || memory.User.Length > 0))
        {
            var text = new StringBuilder("## Memory (frozen at session start)");
            if (memory.Memory.Length > 0)
            {
                text.Append("\n### Notes\n").Append(memory.Memory.Trim());
            }

            if (memory.User.Length > 0)
            {
                text.Append("\n### User\n").Append(memory.User.Trim());
            }

            parts.Add(text.ToString());
        }

        if (layers.Skills.Skills.Count > 0)
        {
            parts.Add("## Skills (load one with read_skill)\n"
                + string.Join('\n', layers.Skills.Skills.Select(s => $"- {s.Name}: {OneLine(s.Description)}")));
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>Lowercase hex SHA-256 of UTF-8 text.</summary>
    public static string Sha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
