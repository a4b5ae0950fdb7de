namespace Evolve.Core.Reports.Insights;

/// <summary>How a line (or a word inside a modified line) differs between two prompt texts.</summary>
public enum PromptDiffChange
{
    /// <summary>Present and equal in both texts.</summary>
    Unchanged,

    /// <summary>Present only in the text after the change.</summary>
    Inserted,

    /// <summary>Present only in the text before the change.</summary>
    Deleted,

    /// <summary>A line present in both texts with some words changed; see <see cref="PromptDiffLine.Segments"/>.</summary>
    Modified,
}
