namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The "forgot an edge case" corruption: removes one <c>if</c> statement that has no
/// <c>elif</c>/<c>else</c>, together with its body. Guard clauses and early returns are
/// exactly the branches that handle the cases hidden tests are named after. A <c>pass</c> keeps the
/// enclosing block valid when the branch was its only statement.
/// </summary>
internal static class PythonBranchDropper
{
    public static string? DropBranch(PythonSourceMask source, ulong pick)
    {
        var candidates = new List<(int Start, int End)>();
        for (var i = 0; i < source.Lines.Count; i++)
        {
            var mask = source.Masks[i];
            var trimmed = mask.TrimStart();
            if (!trimmed.StartsWith("if ", StringComparison.Ordinal) && !trimmed.StartsWith("if(", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = PythonSourceMask.Indent(mask);
            var end = i + 1;
            if (mask.TrimEnd().EndsWith(':'))
            {
                while (end < source.Lines.Count && (PythonSourceMask.IsBlank(source.Masks[end]) || PythonSourceMask.Indent(source.Masks[end]) > indent))
                {
                    end++;
                }
            }

            var next = NextCode(source, end);
            if (next >= 0 && PythonSourceMask.Indent(source.Masks[next]) == indent && StartsWithElse(source.Masks[next]))
            {
                continue;
            }

            candidates.Add((i, end));
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var (start, stop) = candidates[(int)(pick % (ulong)candidates.Count)];
        var blockIndent = PythonSourceMask.Indent(source.Masks[start]);
        var before = PreviousCode(source, start);
        var after = NextCode(source, stop);
        var opensBlock = before >= 0 && source.Masks[before].TrimEnd().EndsWith(':') && PythonSourceMask.Indent(source.Masks[before]) < blockIndent;
        var closesBlock = after < 0 || PythonSourceMask.Indent(source.Masks[after]) < blockIndent;

        while (stop > start && PythonSourceMask.IsBlank(source.Masks[stop - 1]))
        {
            stop--;
        }

        source.Lines.RemoveRange(start, stop - start);
        if (opensBlock && closesBlock)
        {
            source.Lines.Insert(start, new string(' ', blockIndent) + "pass");
        }

        return source.Render();
    }

    private static bool StartsWithElse(string mask)
    {
        var trimmed = mask.TrimStart();
        return trimmed.StartsWith("elif", StringComparison.Ordinal) || trimmed.StartsWith("else", StringComparison.Ordinal);
    }

    private static int NextCode(PythonSourceMask source, int from)
    {
        for (var i = from; i < source.Masks.Count; i++)
        {
            if (!PythonSourceMask.IsBlank(source.Masks[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int PreviousCode(PythonSourceMask source, int from)
    {
        for (var i = from - 1; i >= 0; i--)
        {
            if (!PythonSourceMask.IsBlank(source.Masks[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
