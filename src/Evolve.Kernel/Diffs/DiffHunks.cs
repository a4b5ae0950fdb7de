namespace Evolve.Kernel.Diffs;

/// <summary>Groups diff lines into hunks: each change with its context, touching contexts merged.</summary>
internal static class DiffHunks
{
    public static IReadOnlyList<DiffHunk> Group(IReadOnlyList<DiffLine> lines, int context)
    {
        var hunks = new List<DiffHunk>();
        var start = -1;
        var end = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Change == DiffChange.Unchanged)
            {
                continue;
            }

            var from = Math.Max(0, i - context);
            if (start >= 0 && from > end + 1)
            {
                hunks.Add(Hunk(lines, start, end));
                start = -1;
            }

            start = start < 0 ? from : start;
            end = Math.Min(lines.Count - 1, i + context);
        }

        if (start >= 0)
        {
            hunks.Add(Hunk(lines, start, end));
        }

        return hunks;
    }

    private static DiffHunk Hunk(IReadOnlyList<DiffLine> lines, int start, int end)
    {
        var slice = new List<DiffLine>(end - start + 1);
        for (var i = start; i <= end; i++)
        {
            slice.Add(lines[i]);
        }

        var old = slice.Where(l => l.OldNumber is not null).Select(l => l.OldNumber!.Value).ToList();
        var @new = slice.Where(l => l.NewNumber is not null).Select(l => l.NewNumber!.Value).ToList();
        return new DiffHunk(old.Count > 0 ? old[0] : 0, old.Count, @new.Count > 0 ? @new[0] : 0, @new.Count, slice);
    }
}
