using System.Text.RegularExpressions;
using Evolve.Kernel.Prompts;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Reflection mode: reads the current instruction (the first fenced block of the prompt) and the
/// failure records around it, and proposes the instruction plus one guideline naming the cues the
/// feedback mentions most that the instruction does not cover yet. With a small seeded chance it
/// also loses an existing line, as real reflection models sometimes do, so acceptance checks matter.
/// </summary>
internal sealed partial class SimReflector
{
    private static readonly string[] Templates =
    [
        "- Explicitly handle and test these cases: {0}.",
        "- Before answering, check the solution against: {0}.",
        "- Pay special attention to: {0}.",
    ];

    private static readonly string[] GenericTips =
    [
        "- Re-read the task statement and match the requested output format exactly.",
        "- Keep the answer minimal: no extra prose around the requested output.",
    ];

    private readonly int _seed;

    public SimReflector(int seed) => _seed = seed;

    public string Reflect(string prompt)
    {
        var block = FencedBlock.First(prompt);
        if (block is null)
        {
            return "This is sim, Evolve's offline simulator: it answers evaluation cases (which carry a reference answer) and reflection prompts, not free text. Pass --model with a real model to talk to the agent.";
        }

        var (current, feedback) = block.Value;
        var digest = StableHash.Combine(unchecked((ulong)_seed), 0x5EF1EC7UL, 0UL, prompt);
        var lines = current.Split('\n').ToList();
        var normalizedCurrent = CueMatcher.Normalize(current);

        var missing = RankCues(feedback).Where(c => !CueMatcher.CoversNormalized(normalizedCurrent, c)).Take(SimDefaults.ReflectionMaxCues).ToList();
        string? guideline = missing.Count > 0
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Templates[(int)(digest % (ulong)Templates.Length)], string.Join(", ", missing))
            : GenericTips.FirstOrDefault(t => !current.Contains(t, StringComparison.Ordinal));

        var nonBlank = lines.Select((line, index) => (line, index)).Where(x => x.line.Trim().Length > 0).Select(x => x.index).ToList();
        if (nonBlank.Count >= 2 && StableHash.ToUnit(StableHash.Derive(digest, 2)) < SimDefaults.ReflectionDropChance)
        {
            lines.RemoveAt(nonBlank[(int)(StableHash.Derive(digest, 3) % (ulong)nonBlank.Count)]);
        }

        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (guideline is not null)
        {
            lines.Add(guideline);
        }

        return "Here is the improved instruction:\n\n" + FencedBlock.Wrap(string.Join('\n', lines)) + "\n";
    }

    /// <summary>
    /// Cue phrases found in the feedback (hint lines and hidden test names), ranked by how often the
    /// whole feedback names them: "empty list" named in two hint lines and three test names outranks
    /// a test name seen once, as a reader would weigh a lesson that keeps coming back. Ties keep the
    /// order of first mention. Normalized.
    /// </summary>
    internal static IEnumerable<string> RankCues(string feedback)
    {
        var found = new List<string>();
        void Add(string raw)
        {
            var cue = CueMatcher.Normalize(raw);
            if (cue.Length > 0 && !found.Contains(cue))
            {
                found.Add(cue);
            }
        }

        foreach (var line in feedback.Split('\n'))
        {
            if (HintsLine().Match(line) is { Success: true } hints)
            {
                foreach (var hint in hints.Groups[1].Value.Split(';'))
                {
                    Add(hint);
                }
            }

            foreach (Match test in TestName().Matches(line))
            {
                Add(test.Groups[1].Value);
            }
        }

        var text = CueMatcher.Normalize(feedback);
        return found
            .Select((cue, first) => (cue, first, count: Occurrences(text, cue)))
            .OrderByDescending(x => x.count).ThenBy(x => x.first).Select(x => x.cue);
    }

    /// <summary>Occurrences of <paramref name="phrase"/> as whole words ("list" is not counted inside "lists").</summary>
    private static int Occurrences(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                count++;
            }
        }

        return count;
    }

    [GeneratedRegex(@"^\s*[-*]?\s*hints?\s*:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HintsLine();

    [GeneratedRegex(@"\btest_(\w+)\b(?!\.py)")]
    private static partial Regex TestName();
}
