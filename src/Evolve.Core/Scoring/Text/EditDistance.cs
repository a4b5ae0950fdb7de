using System.Buffers;

namespace Evolve.Core.Scoring.Text;

/// <summary>Levenshtein distance (insertions, deletions, substitutions of UTF-16 chars).</summary>
internal static class EditDistance
{
    /// <summary>The number of single-character edits turning <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        if (b.IsEmpty)
        {
            return a.Length;
        }

        // Two rows over the shorter string; rented so long answers do not allocate per call.
        var rented = ArrayPool<int>.Shared.Rent(2 * (b.Length + 1));
        try
        {
            var previous = rented.AsSpan(0, b.Length + 1);
            var current = rented.AsSpan(b.Length + 1, b.Length + 1);
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var ca = a[i - 1];
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = ca == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var row = previous;
                previous = current;
                current = row;
            }

            return previous[b.Length];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The distance when it is at most <paramref name="maxDistance"/>, otherwise
    /// <paramref name="maxDistance"/> + 1. Only a band of width 2k+1 around the diagonal is
    /// computed, so two long texts cost O(length x k) instead of O(length squared).
    /// </summary>
    public static int ComputeBounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxDistance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDistance);
        var over = maxDistance + 1;
        if (Math.Abs(a.Length - b.Length) > maxDistance)
        {
            return over;
        }

        var rented = ArrayPool<int>.Shared.Rent(2 * (b.Length + 1));
        try
        {
            var previous = rented.AsSpan(0, b.Length + 1);
            var current = rented.AsSpan(b.Length + 1, b.Length + 1);
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = Math.Min(j, over);
            }

            for (var i = 1; i <= a.Length; i++)
            {
                var lo = Math.Max(1, i - maxDistance);
                var hi = Math.Min(b.Length, i + maxDistance);
                current[lo - 1] = lo == 1 ? Math.Min(i, over) : over;
                var rowMin = current[lo - 1];
                for (var j = lo; j <= hi; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                    current[j] = Math.Min(value, over);
                    rowMin = Math.Min(rowMin, current[j]);
                }

                // The next row reads one cell past this band; it must count as "too far".
                if (hi < b.Length)
                {
                    current[hi + 1] = over;
                }

                if (rowMin >= over)
                {
                    return over;
                }

                var row = previous;
                previous = current;
                current = row;
            }

            return Math.Min(previous[b.Length], over);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }
}
