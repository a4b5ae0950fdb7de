using System.ComponentModel;
using Evolve.Kernel.Agents.Memory;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools;

/// <summary><c>memory</c>: the only way an agent edits MEMORY.md and USER.md.</summary>
internal static class MemoryTool
{
    public const string Description = "Edit long-term memory: action add (text), replace (old = unique substring, text), or remove (old); target memory or user.";

    public static AIFunction Create(AgentMemory memory, int maxChars) =>
        AIFunctionFactory.Create(
            (
                [Description("add, replace or remove")] string action,
                [Description("memory (notes) or user (profile of the user)")] string target = "memory",
                [Description("The new entry text (add, replace).")] string? text = null,
                [Description("A unique substring of the entry to change (replace, remove).")] string? old = null) =>
            {
                if (!Enum.TryParse<MemoryTarget>(target, ignoreCase: true, out var which) || !Enum.IsDefined(which))
                {
                    return "error: target must be memory or user";
                }

                var result = action.Trim().ToLowerInvariant() switch
                {
                    "add" when text is not null => memory.Add(which, text),
                    "replace" when text is not null && old is not null => memory.Replace(which, old, text),
                    "remove" when old is not null => memory.Remove(which, old),
                    _ => null,
                };
                return result is null
                    ? "error: use add with text, replace with old and text, or remove with old"
                    : ToolText.Truncate((result.Success ? "ok: " : "error: ") + result.Message, maxChars);
            },
            ToolNames.Memory,
            Description);
}
