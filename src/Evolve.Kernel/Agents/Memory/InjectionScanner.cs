using System.Text.RegularExpressions;

namespace Evolve.Kernel.Agents.Memory;

/// <summary>
/// Refuses memory entries that read as instructions aimed at the model. Memory is replayed into
/// every later prompt, so one poisoned entry would steer all future sessions; the scan is
/// deliberately simple and errs towards refusing.
/// </summary>
internal static partial class InjectionScanner
{
    // Line-anchored patterns see the raw text; the others see it with whitespace collapsed.
    private static readonly (Regex Pattern, bool LineAnchored, string Why)[] Rules =
    [
        (IgnoreInstructions(), false, "it tells the model to ignore or forget its instructions"),
        (SystemPrompt(), false, "it refers to the system prompt"),
        (RoleMarker(), true, "it contains a chat role marker"),
        (RolePrefix(), true, "it starts a line with a role label (system:, assistant:, ...)"),
        (NewIdentity(), false, "it tries to give the model a new identity or new instructions"),
    ];

    /// <summary>Returns why <paramref name="text"/> is refused, or null when it looks like plain memory.</summary>
    public static string? Scan(string text)
    {
        foreach (var c in text)
        {
            // Invisible and direction-changing characters hide text from a human reviewer.
            if (c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2064' or '\uFEFF')
            {
                return $"it contains an invisible or bidirectional control character (U+{(int)c:X4})";
            }
        }

        // Collapsing whitespace defeats "ignore\n   previous   instructions".
        var flat = Whitespace().Replace(text, " ");
        foreach (var (pattern, lineAnchored, why) in Rules)
        {
            if (pattern.IsMatch(lineAnchored ? text : flat))
            {
                return why;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|all|any|your|the|system)\b.{0,20}\b(instructions?|prompts?|rules|guidelines|directives|messages)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IgnoreInstructions();

    [GeneratedRegex(@"\b(system|developer)\s*(prompt|message|instructions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SystemPrompt();

    [GeneratedRegex(@"<\|[a-z_]*\|>|<\|im_(start|end|sep)|\[/?INST\]|<</?SYS>>|</?(system|assistant|user|developer|tool)>|</s>|^\s*#{1,6}\s*(system|assistant|developer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex RoleMarker();

    [GeneratedRegex(@"^\s*[-*]?\s*(system|assistant|developer|tool)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"\b(you are now|from now on,? you|new instructions\s*:|act as (an? )?(unrestricted|jailbroken|dan)\b|do anything now)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NewIdentity();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
