namespace Evolve.Kernel.Diffs;

/// <summary>Unified diff hunk ranges: <c>diff -u</c> prints <c>-5</c> for one line, some readers want <c>-5,1</c>.</summary>
public enum HunkRanges
{
    /// <summary>The count is left out when it is 1, as GNU <c>diff -u</c> prints it.</summary>
    Short,

    /// <summary>Every range carries its count.</summary>
    Counted,
}
