using Evolve.Kernel;

namespace Evolve.Core.Reports.Insights;

/// <summary>Options of <see cref="FailureClusters.Find"/>, validated once into one error.</summary>
public sealed record FailureClusterOptions
{
    /// <summary>Most clusters to return, at least 1; default 6. Fewer come back when the feedback has fewer distinct texts or families.</summary>
    public int MaxClusters { get; init; } = FailureClusterDefaults.MaxClusters;

    /// <summary>Seed of sampling and k-means initialisation; default 0. The same input and seed give the same clusters.</summary>
    public int Seed { get; init; } = FailureClusterDefaults.Seed;

    /// <summary>Most distinct feedback texts to train on, at least 10; default 5000. Larger inputs are sampled, then fully assigned.</summary>
    public int MaxInputs { get; init; } = FailureClusterDefaults.MaxInputs;

    /// <summary>Throws one <see cref="InputException"/> listing every invalid option.</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        if (MaxClusters < 1)
        {
            errors.Add(new InputError("failure clusters", null, nameof(MaxClusters), $"must be at least 1, not {MaxClusters}"));
        }

        if (MaxInputs < 10)
        {
            errors.Add(new InputError("failure clusters", null, nameof(MaxInputs), $"must be at least 10, not {MaxInputs}"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }
}
