using System.Text.RegularExpressions;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel;

namespace Evolve.Core.Compare;

/// <summary>Options of <c>evolve compare A B</c>, validated once into one error listing every problem.</summary>
public sealed partial record CompareJobOptions
{
    /// <summary>Side A (the baseline), as written: prompt file, agent folder, agent@live|canary|N, or RUN[:CANDIDATE]. Required.</summary>
    public required string A { get; init; }

    /// <summary>Side B (the challenger), in the same forms as <see cref="A"/>. Required.</summary>
    public required string B { get; init; }

    /// <summary>Suite name (folder under evals/) or path to a suite.yaml. Required.</summary>
    public string? Suite { get; init; }

    /// <summary>train, val, holdout or all (default all).</summary>
    public string Split { get; init; } = "all";

    /// <summary>Repeats per case for both sides; default the suite's.</summary>
    public int? Repeat { get; init; }

    /// <summary>Model URI; default A's agent's model, else <c>sim</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Rollouts in flight (default 32).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Seed of the bootstrap interval (default 0). The model's own randomness is set in its URI (<c>sim?seed=7</c>).</summary>
    public int Seed { get; init; }

    /// <summary>Sandbox level for python-tests: auto, bwrap, namespaces or process (default auto).</summary>
    public string Sandbox { get; init; } = "auto";

    /// <summary>A folder to copy compare.md and compare.html into, besides the run folder; null for none.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Where prompt-file paths are resolved from.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Where suites, agents and runs live.</summary>
    public required WorkspacePaths Paths { get; init; }

    /// <summary>True when <see cref="Suite"/> is a path to a suite.yaml.</summary>
    public bool IsSuiteFile => Suite is not null && (Suite.EndsWith(".yaml", StringComparison.Ordinal) || Suite.EndsWith(".yml", StringComparison.Ordinal));

    /// <summary>The split filter, or null for all.</summary>
    public Split? SplitFilter => Split == "all" ? null : Enum.Parse<Split>(Split, ignoreCase: true);

    /// <summary>Throws one <see cref="InputException"/> listing every invalid option (references are checked when resolved).</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(Suite))
        {
            errors.Add(new InputError("--suite", null, null, "a suite is required (evolve suite list shows them)"));
        }
        else if (!IsSuiteFile && !SuiteName().IsMatch(Suite))
        {
            errors.Add(new InputError("--suite", null, null, $"'{Suite}' is neither a suite name (letters, digits, '.', '_', '-') nor a path to a suite.yaml"));
        }

        if (Split is not ("all" or "train" or "val" or "holdout"))
        {
            errors.Add(new InputError("--split", null, null, $"must be train, val, holdout or all, not '{Split}'"));
        }

        if (Repeat is < 1 or > 1000)
        {
            errors.Add(new InputError("--repeat", null, null, $"must be between 1 and 1000, not {Repeat}"));
        }

        if (Concurrency is < 1 or > 4096)
        {
            errors.Add(new InputError("--concurrency", null, null, $"must be between 1 and 4096, not {Concurrency}"));
        }

        if (Sandbox is not ("auto" or "bwrap" or "namespaces" or "process"))
        {
            errors.Add(new InputError("--sandbox", null, null, $"must be auto, bwrap, namespaces or process, not '{Sandbox}'"));
        }

        if (OutputDirectory is not null && File.Exists(OutputDirectory))
        {
            errors.Add(new InputError("--output", null, null, $"{OutputDirectory} is a file; give a folder"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SuiteName();
}
