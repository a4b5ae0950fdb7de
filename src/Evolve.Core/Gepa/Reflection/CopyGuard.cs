namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Catches training answers copied into a prompt: a prompt that quotes the reference answers scores
/// well on the training cases and teaches nothing (GEPA users report exactly this overfitting).
/// Text the seed already contained is not the child's doing and is not reported.
/// </summary>
internal static class CopyGuard
{
    public static void Check(GuardContext ctx, string name, string text, string seedText, List<string> problems)
    {
        var options = ctx.Options;
        foreach (var answer in ctx.ReferenceAnswers)
        {
            var whole = answer.Trim();
            if (whole.Length >= options.MinCopiedAnswerChars && Copied(whole, text, seedText))
            {
                problems.Add($"{name}: copies a training reference answer verbatim (\"{TextClip.Line(whole, 60)}\").");
                return;
            }

            var line = answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.Length >= options.MinCopiedLineChars && Copied(l, text, seedText));
            if (line is not null)
            {
                problems.Add($"{name}: copies a line of a training reference answer verbatim (\"{TextClip.Line(line, 60)}\").");
                return;
            }
        }
    }

    private static bool Copied(string needle, string text, string seedText) =>
        text.Contains(needle, StringComparison.Ordinal) && !seedText.Contains(needle, StringComparison.Ordinal);
}
