namespace Evolve.Core.Compare;

/// <summary>
/// What every compare output calls its two sides: <c>seed</c> and <c>best</c> for a run's
/// candidates, else each reference as the command line gave it (<c>coding@live</c>,
/// <c>prompts/coding/variant.sbn</c>), never a bare A and B. Both outputs and the headline use these.
/// </summary>
internal static class SideNames
{
    /// <summary>The names of the baseline (<paramref name="a"/>) and the challenger (<paramref name="b"/>), always two different words.</summary>
    public static (string A, string B) Of(ResolvedCandidate a, ResolvedCandidate b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (shortA, shortB) = (Short(a.Reference), Short(b.Reference));
        if (shortA != shortB)
        {
            return (shortA, shortB);
        }

        // "best" of two runs: the references themselves tell them apart.
        return a.Reference.Text != b.Reference.Text
            ? (a.Reference.Text, b.Reference.Text)
            : ($"{a.Reference.Text} (first)", $"{b.Reference.Text} (second)");
    }

    private static string Short(CandidateReference reference) =>
        reference.Kind == CandidateReferenceKind.RunCandidate && reference.Selector is "best" or "seed" ? reference.Selector : reference.Text;
}
