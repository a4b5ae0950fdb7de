namespace Evolve.Kernel.Diffs;

/// <summary>One line of a line diff.</summary>
/// <param name="Change">Unchanged, Deleted or Inserted.</param>
/// <param name="OldNumber">1-based line number in the text before; null for an inserted line.</param>
/// <param name="NewNumber">1-based line number in the text after; null for a deleted line.</param>
/// <param name="Text">The line without its line ending.</param>
public sealed record DiffLine(DiffChange Change, int? OldNumber, int? NewNumber, string Text);
