using DiffPlex;

namespace Evolve.Kernel.Diffs;

/// <summary>
/// Several versions of one base text, their edits applied together: the k-way form of a three-way
/// merge, line by line (DiffPlex). Each version's changes against the base are taken in version
/// order; a change whose base lines overlap a change already taken is a conflict and is left out
/// (the earlier version wins), and a line another version already inserted at the same place is
/// not inserted twice. Insertions at the same place (two versions that each appended a line) are
/// all kept, in version order.
/// </summary>
public static class LineMerge
{
    /// <summary>Merges <paramref name="versions"/>' edits of <paramref name="baseText"/>; lines joined with LF.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LineMergeResult Combine(string baseText, IReadOnlyList<string> versions)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(versions);
        var baseLines = LineDiff.Split(baseText);
        var taken = new List<Edit>();
        var dropped = 0;
        foreach (var version in versions)
        {
            ArgumentNullException.ThrowIfNull(version);
            var result = Differ.Instance.CreateDiffs(baseText, version, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
            foreach (var block in result.DiffBlocks)
            {
                var edit = new Edit(block.DeleteStartA, block.DeleteCountA, [.. result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)]);
                if (taken.Any(t => t.Same(edit)))
                {
                    continue;
                }

                if (taken.Any(t => t.Overlaps(edit)))
                {
                    dropped++;
                    continue;
                }

                taken.Add(edit);
            }
        }

        var lines = new List<string>();
        for (var at = 0; at <= baseLines.Length; at++)
        {
            var inserted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var edit in taken.Where(e => e.Start == at).OrderBy(e => e.Count))
            {
                lines.AddRange(edit.Lines.Where(inserted.Add));
            }

            if (at < baseLines.Length && !taken.Any(e => e.Deletes(at)))
            {
                lines.Add(baseLines[at]);
            }
        }

        return new LineMergeResult(string.Join('\n', lines), taken.Count, dropped);
    }

    /// <summary>Base lines [Start, Start + Count) replaced by <see cref="Lines"/> (Count 0: an insertion before line Start).</summary>
    private sealed record Edit(int Start, int Count, IReadOnlyList<string> Lines)
    {
        public bool Deletes(int line) => line >= Start && line < Start + Count;

        public bool Same(Edit other) => Start == other.Start && Count == other.Count && Lines.SequenceEqual(other.Lines, StringComparer.Ordinal);

        /// <summary>Two replacements of shared base lines, or an insertion inside the other's replaced lines.</summary>
        public bool Overlaps(Edit other) =>
            (Count > 0 && other.Count > 0 && Start < other.Start + other.Count && other.Start < Start + Count)
            || (Count == 0 && other.Start < Start && Start < other.Start + other.Count)
            || (other.Count == 0 && Start < other.Start && other.Start < Start + Count);
    }
}

/// <summary>What <see cref="LineMerge.Combine"/> made.</summary>
/// <param name="Text">The merged text.</param>
/// <param name="Taken">Changes applied (identical changes of several versions count once).</param>
/// <param name="Dropped">Changes left out because they overlapped one taken before them.</param>
public sealed record LineMergeResult(string Text, int Taken, int Dropped);
