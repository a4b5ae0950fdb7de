namespace Evolve.Kernel.Diffs;

/// <summary>How a line (or a word of a line) differs between two texts.</summary>
public enum DiffChange
{
    /// <summary>Present and equal in both texts.</summary>
    Unchanged,

    /// <summary>Present only in the text before.</summary>
    Deleted,

    /// <summary>Present only in the text after.</summary>
    Inserted,
}
