namespace Evolve.Kernel.Diffs;

/// <summary>A run of changed lines with their context, as in a unified diff.</summary>
/// <param name="OldStart">1-based first line in the text before (0 when the hunk covers no old line).</param>
/// <param name="OldCount">Lines of the text before that the hunk covers.</param>
/// <param name="NewStart">1-based first line in the text after (0 when the hunk covers no new line).</param>
/// <param name="NewCount">Lines of the text after that the hunk covers.</param>
/// <param name="Lines">The lines, context included; within a run of changes deletions come first.</param>
public sealed record DiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<DiffLine> Lines);
