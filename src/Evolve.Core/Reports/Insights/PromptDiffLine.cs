namespace Evolve.Core.Reports.Insights;

/// <summary>One aligned line of a prompt diff.</summary>
/// <param name="Change">Unchanged, Inserted, Deleted or Modified.</param>
/// <param name="OldNumber">1-based line number in the text before; null for an inserted line.</param>
/// <param name="NewNumber">1-based line number in the text after; null for a deleted line.</param>
/// <param name="OldText">The line before (without its line ending); null for an inserted line.</param>
/// <param name="NewText">The line after (without its line ending); null for a deleted line.</param>
/// <param name="Segments">Word-level pieces for a modified line; empty for every other kind.</param>
public sealed record PromptDiffLine(
    PromptDiffChange Change,
    int? OldNumber,
    int? NewNumber,
    string? OldText,
    string? NewText,
    IReadOnlyList<PromptDiffSegment> Segments);
