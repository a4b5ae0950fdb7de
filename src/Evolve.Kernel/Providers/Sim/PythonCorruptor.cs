namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Breaks a reference Python solution the way a weaker model would: a flipped comparison, an
/// off-by-one, a dropped branch, swapped <c>and</c>/<c>or</c>, or the wrong variable returned.
/// The choice is driven by a digest, so the same wrong answer comes back for the same draw. When no
/// edit applies, the function raises <c>ValueError</c> when called, so hidden tests still fail
/// with a real message.
/// </summary>
internal static class PythonCorruptor
{
    private delegate string? Mutation(PythonSourceMask source, ulong pick);

    private static readonly Mutation[] Mutations =
    [
        PythonMutations.FlipComparison,
        PythonMutations.OffByOne,
        PythonBranchDropper.DropBranch,
        PythonMutations.SwapBoolean,
        PythonMutations.ReturnWrongName,
    ];

    /// <summary>Returns a deterministic, behaviour-changing corruption of <paramref name="source"/>.</summary>
    public static string Corrupt(string source, ulong pick)
    {
        var start = (int)(pick % (ulong)Mutations.Length);
        var normalized = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        for (var k = 0; k < Mutations.Length; k++)
        {
            var mutated = Mutations[(start + k) % Mutations.Length](PythonSourceMask.Create(normalized), pick / 8);
            if (mutated is not null && !string.Equals(mutated, normalized, StringComparison.Ordinal))
            {
                return mutated;
            }
        }

        return RaiseAtCall(PythonSourceMask.Create(normalized));
    }

    /// <summary>Inserts <c>raise ValueError(...)</c> as the first statement of the first function, or at the end of the module.</summary>
    internal static string RaiseAtCall(PythonSourceMask source)
    {
        const string Raise = "raise ValueError(\"unsupported input\")";
        for (var i = 0; i < source.Lines.Count; i++)
        {
            var mask = source.Masks[i].TrimStart();
            if (!mask.StartsWith("def ", StringComparison.Ordinal) && !mask.StartsWith("async def ", StringComparison.Ordinal))
            {
                continue;
            }

            var header = i;
            while (header < source.Lines.Count && !source.Masks[header].TrimEnd().EndsWith(':'))
            {
                header++;
            }

            if (header >= source.Lines.Count)
            {
                break;
            }

            var indent = PythonSourceMask.Indent(source.Lines[i]) + 4;
            source.Lines.Insert(header + 1, new string(' ', indent) + Raise);
            return source.Render();
        }

        return source.Render().TrimEnd() + "\n" + Raise + "\n";
    }
}
