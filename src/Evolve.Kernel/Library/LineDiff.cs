using System.Text;

namespace Evolve.Kernel.Library;

/// <summary>A unified-style line diff by longest common subsequence (artifacts are small: quadratic is fine).</summary>
internal static class LineDiff
{
    private const int Context = 3;

    /// <summary>Appends the hunks turning <paramref name="oldText"/> into <paramref name="newText"/>; nothing when equal.</summary>
    public static void Append(StringBuilder output, string oldLabel, string newLabel, string oldText, string newText)
    {
        if (oldText == newText)
        {
            return;
        }

        var a = Split(oldText);
        var b = Split(newText);
        var ops = Script(a, b);
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');
        var changes = Enumerable.Range(0, ops.Count).Where(k => ops[k].Kind != ' ').ToList();
        for (var c = 0; c < changes.Count;)
        {
            // A hunk joins changes separated by at most 2*Context unchanged lines, with Context lines around.
            var last = c;
            while (last + 1 < changes.Count && changes[last + 1] - changes[last] - 1 <= 2 * Context)
            {
                last++;
            }

            var from = Math.Max(0, changes[c] - Context);
            var to = Math.Min(ops.Count, changes[last] + Context + 1);
            var hunk = ops.GetRange(from, to - from);
            var oldCount = hunk.Count(o => o.Kind != '+');
            var newCount = hunk.Count(o => o.Kind != '-');
            output.Append($"@@ -{hunk[0].OldLine + (oldCount > 0 ? 1 : 0)},{oldCount} +{hunk[0].NewLine + (newCount > 0 ? 1 : 0)},{newCount} @@\n");
            foreach (var op in hunk)
            {
                output.Append(op.Kind).Append(op.Text).Append('\n');
            }

            c = last + 1;
        }
    }

    private static string[] Split(string text) =>
        text.Length == 0 ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    private static List<Op> Script(string[] a, string[] b)
    {
        // lcs[i, j] = length of the LCS of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var ops = new List<Op>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                ops.Add(new Op(' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(new Op('-', a[x], x++, y));
            }
            else
            {
                ops.Add(new Op('+', b[y], x, y++));
            }
        }

        return ops;
    }

    private readonly record struct Op(char Kind, string Text, int OldLine, int NewLine);
}
