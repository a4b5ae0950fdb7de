namespace Evolve.Core.Reports.Insights;

/// <summary>
/// A run of characters inside a modified line: unchanged, inserted or deleted. Concatenating the
/// unchanged and deleted segments gives the old line; the unchanged and inserted ones, the new line.
/// </summary>
/// <param name="Change">Unchanged, Inserted or Deleted (never Modified).</param>
/// <param name="Text">The characters, words and the spaces or punctuation between them.</param>
public sealed record PromptDiffSegment(PromptDiffChange Change, string Text);
