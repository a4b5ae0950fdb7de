namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Profile v2's contradicting instructions: pairs of opposing phrases. A model told both "be brief"
/// and "explain in detail" follows neither well, so each pair whose two sides both occur in the
/// system prompt costs <see cref="SimV2Defaults.ConflictPenalty"/>. Phrases are matched as cues are
/// (<see cref="CueMatcher"/>: lower case, <c>_</c> and <c>-</c> as spaces), and no phrase of one side
/// occurs inside a phrase of the other, so one instruction never conflicts with itself.
/// </summary>
internal static class SimConflicts
{
    /// <summary>The opposing pairs: a topic, then the phrases of one side and of the other.</summary>
    public static IReadOnlyList<(string Topic, string[] One, string[] Other)> Pairs { get; } =
    [
        ("length", ["be brief", "be concise", "answer concisely", "keep it short", "keep the answer minimal"],
            ["explain in detail", "detailed explanation", "explain your reasoning", "explain each step"]),
        ("imports", ["never use imports", "no imports", "do not import", "without imports"],
            ["use the standard library", "only the python standard library", "import what you need"]),
        ("prose", ["only code", "code only", "no prose", "no extra prose", "no explanation"],
            ["explain the solution", "add an explanation", "describe your approach"]),
        ("recursion", ["always use recursion", "solve it recursively"],
            ["never use recursion", "avoid recursion", "do not use recursion"]),
        ("errors", ["raise an exception", "raise valueerror"],
            ["never raise", "do not raise", "return none instead of raising"]),
        ("mutation", ["modify the input in place", "mutate the input", "modify it in place"],
            ["do not modify the input", "inputs not modified", "input not modified", "never mutate"]),
        ("output", ["print the result", "print the answer"],
            ["do not print", "never print"]),
    ];

    private static readonly (string[] One, string[] Other)[] Normalized =
        [.. Pairs.Select(p => (p.One.Select(CueMatcher.Normalize).ToArray(), p.Other.Select(CueMatcher.Normalize).ToArray()))];

    /// <summary>How many pairs have both sides in <paramref name="normalizedPrompt"/> (already normalized).</summary>
    public static int Count(string normalizedPrompt)
    {
        var count = 0;
        foreach (var (one, other) in Normalized)
        {
            if (one.Any(p => CueMatcher.CoversNormalized(normalizedPrompt, p)) && other.Any(p => CueMatcher.CoversNormalized(normalizedPrompt, p)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The topics of the pairs that conflict in <paramref name="text"/>, for tests and explanations.</summary>
    public static IReadOnlyList<string> Topics(string text)
    {
        var normalized = CueMatcher.Normalize(text);
        return [.. Pairs.Where(p => p.One.Any(x => CueMatcher.Covers(normalized, x)) && p.Other.Any(x => CueMatcher.Covers(normalized, x))).Select(p => p.Topic)];
    }
}
