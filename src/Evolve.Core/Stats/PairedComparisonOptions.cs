using Evolve.Kernel;

namespace Evolve.Core.Stats;

/// <summary>Options of <see cref="PairedComparison.Compare"/>, validated once into one error.</summary>
public sealed record PairedComparisonOptions
{
    /// <summary>Confidence level of the bootstrap interval, in (0, 1); default 0.95. Alpha is 1 - confidence.</summary>
    public double Confidence { get; init; } = PairedComparisonDefaults.Confidence;

    /// <summary>Bootstrap resamples, 100 to 1,000,000; default 10,000.</summary>
    public int Resamples { get; init; } = PairedComparisonDefaults.Resamples;

    /// <summary>Seed of the bootstrap's random generator; default 0.</summary>
    public int Seed { get; init; } = PairedComparisonDefaults.Seed;

    /// <summary>Fewest shared cases that can give a verdict, at least 2; default 5.</summary>
    public int MinimumPairs { get; init; } = PairedComparisonDefaults.MinimumPairs;

    /// <summary>Throws one <see cref="InputException"/> listing every invalid option.</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        if (!(Confidence > 0 && Confidence < 1))
        {
            errors.Add(new InputError("--confidence", null, null, $"must be between 0 and 1 exclusive (e.g. 0.95), not {Confidence}"));
        }

        if (Resamples is < 100 or > 1_000_000)
        {
            errors.Add(new InputError("--resamples", null, null, $"must be between 100 and 1000000, not {Resamples}"));
        }

        if (MinimumPairs < 2)
        {
            errors.Add(new InputError("--min-pairs", null, null, $"must be at least 2, not {MinimumPairs}"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }
}
