using Evolve.Kernel.Diffs;

namespace Evolve.Core.Reports.Insights;

/// <summary>Carries the hunks of <see cref="LineDiff"/> over to the aligned prompt lines.</summary>
internal static class PromptDiffHunks
{
    /// <summary>One prompt hunk per line hunk, holding the aligned lines whose numbers fall in its ranges.</summary>
    public static IReadOnlyList<PromptDiffHunk> Of(IReadOnlyList<DiffHunk> hunks, IReadOnlyList<PromptDiffLine> lines) =>
        [.. hunks.Select(h => new PromptDiffHunk(
            h.OldStart,
            h.OldCount,
            h.NewStart,
            h.NewCount,
            [.. lines.Where(l => In(l.OldNumber, h.OldStart, h.OldCount) || In(l.NewNumber, h.NewStart, h.NewCount))]))];

    private static bool In(int? number, int start, int count) => number >= start && number < start + count;
}
