namespace Evolve.Kernel.Diffs;

/// <summary>A run of characters of a word diff: words and the spaces or punctuation between them.</summary>
/// <param name="Change">Unchanged, Deleted or Inserted.</param>
/// <param name="Text">The characters.</param>
public sealed record DiffPiece(DiffChange Change, string Text);
