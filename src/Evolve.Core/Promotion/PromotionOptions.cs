using Evolve.Core.Workspace;
using Evolve.Kernel;
using Evolve.Kernel.Library;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Promotion;

/// <summary>What <c>evolve promote</c> was asked to do; <see cref="Validate"/> checks it once.</summary>
public sealed record PromotionOptions
{
    /// <summary>The run: a run id (folder under the runs folder) or a full path to a run folder. Required.</summary>
    public required string Run { get; init; }

    /// <summary>A prefix of the candidate id to promote; default the run's best pool candidate by mean validation score.</summary>
    public string? CandidatePrefix { get; init; }

    /// <summary>The agent to promote into; default the run's agent.</summary>
    public string? Agent { get; init; }

    /// <summary>The channel to move; default live.</summary>
    public LibraryChannel Channel { get; init; } = LibraryChannel.Live;

    /// <summary>
    /// How much worse than live, in mean case score on the holdout split, the candidate may be;
    /// default 0.02. Negative values demand an improvement; -1 can never pass.
    /// </summary>
    public double Tolerance { get; init; } = 0.02;

    /// <summary>Repeats per holdout case for both sides; default 3.</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>Rollouts in flight; default 32.</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Sandbox level for suites with python-tests; null (the default) for the strongest available.</summary>
    public SandboxLevel? Sandbox { get; init; }

    /// <summary>Judge model URI for model-graded assertions (<c>llm-rubric</c>, <c>factuality</c>, ...); default <c>sim</c>.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Seed of the bootstrap interval; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Who is promoting, recorded in the ledger.</summary>
    public string Actor { get; init; } = "evolve promote";

    /// <summary>Workspace folders. Required.</summary>
    public required WorkspacePaths Paths { get; init; }

    /// <summary>Throws one <see cref="InputException"/> listing every bad option.</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(Run))
        {
            errors.Add(new InputError("RUN", null, null, "name a run id or a run folder"));
        }

        if (double.IsNaN(Tolerance) || Tolerance is < -1 or > 1)
        {
            errors.Add(new InputError("--tolerance", null, null, $"must be between -1 and 1, not {Tolerance}"));
        }

        if (Repeat is < 1 or > 100)
        {
            errors.Add(new InputError("--repeat", null, null, $"must be between 1 and 100, not {Repeat}"));
        }

        if (Concurrency is < 1 or > 1024)
        {
            errors.Add(new InputError("--concurrency", null, null, $"must be between 1 and 1024, not {Concurrency}"));
        }

        if (CandidatePrefix is { } prefix && (prefix.Length is 0 or > 64 || !prefix.All(Uri.IsHexDigit)))
        {
            errors.Add(new InputError("--candidate", null, null, $"'{prefix}' is not a candidate id prefix (hex digits)"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }
}
