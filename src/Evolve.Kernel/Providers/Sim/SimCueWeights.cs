namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// Profile v2's coverage: cues weighted by whether a lesson about them carries. A case's
/// <see cref="SimOracle.BorrowedCues"/> are words it shares with just one other case of its suite and
/// that are not among its own hints: a prompt that names them most likely copied another case's
/// specifics, which do not teach a model much about this one. They count
/// <see cref="SimV2Defaults.BorrowedCueWeight"/>; every other cue counts 1. Coverage is the covered
/// weight over the total weight, so naming every cue is still 1.0, but copying the training cases'
/// particulars lifts those cases and barely moves the others.
/// </summary>
internal sealed class SimCueWeights
{
    private SimCueWeights(string[] cues, double[] weights)
    {
        Cues = cues;
        Weights = weights;
    }

    /// <summary>The oracle's cues, normalized, empty ones left out.</summary>
    public string[] Cues { get; }

    /// <summary>The weight of each of <see cref="Cues"/>.</summary>
    public double[] Weights { get; }

    public static SimCueWeights Of(SimOracle oracle)
    {
        var borrowed = new HashSet<string>((oracle.BorrowedCues ?? []).Select(CueMatcher.Normalize), StringComparer.Ordinal);
        var cues = oracle.Cues.Select(CueMatcher.Normalize).Where(c => c.Length > 0).ToArray();
        return new SimCueWeights(cues, [.. cues.Select(c => borrowed.Contains(c) ? SimV2Defaults.BorrowedCueWeight : 1.0)]);
    }

    /// <summary>The covered share of the weight; 0 when there are no cues.</summary>
    public double Coverage(string normalizedPrompt)
    {
        double covered = 0, total = 0;
        for (var i = 0; i < Cues.Length; i++)
        {
            total += Weights[i];
            covered += CueMatcher.CoversNormalized(normalizedPrompt, Cues[i]) ? Weights[i] : 0;
        }

        return total == 0 ? 0 : covered / total;
    }
}
