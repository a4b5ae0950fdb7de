using Evolve.Core.Evaluation;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Compare;

/// <summary>Options of <c>evolve compare A B</c>, validated once into one error listing every problem.</summary>
public sealed record CompareJobOptions
{
    /// <summary>Side A (the baseline), as written: prompt file, agent folder, agent@live|canary|N, or RUN[:CANDIDATE]. Required.</summary>
    public required string A { get; init; }

    /// <summary>Side B (the challenger), in the same forms as <see cref="A"/>. Required.</summary>
    public required string B { get; init; }

    /// <summary>Suite name (folder under evals/) or path to a suite.yaml. Required.</summary>
    public string? Suite { get; init; }

    /// <summary>The cases to run: one split, or null (the default, <c>--split all</c>) for every case.</summary>
    public Split? Split { get; init; }

    /// <summary>Repeats per case for both sides; default the suite's.</summary>
    public int? Repeat { get; init; }

    /// <summary>Model URI; default A's agent's model, else <c>sim</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Judge model URI for model-graded assertions (<c>llm-rubric</c>, <c>factuality</c>, ...); default <c>sim</c>.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Rollouts in flight (default 32).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Seed of the bootstrap interval (default 0). The model's own randomness is set in its URI (<c>sim?seed=7</c>).</summary>
    public int Seed { get; init; }

    /// <summary>Sandbox level for python-tests; null (the default, <c>--sandbox auto</c>) for the strongest available.</summary>
    public SandboxLevel? Sandbox { get; init; }

    /// <summary>A folder to copy compare.md and compare.html into, besides the run folder; null for none.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Where prompt-file paths are resolved from.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Where suites, agents and runs live.</summary>
    public required WorkspacePaths Paths { get; init; }

    /// <summary>True when <see cref="Suite"/> is a path to a suite.yaml.</summary>
    public bool IsSuiteFile => EvalOptionChecks.IsSuiteFile(Suite);

    /// <summary>Throws one <see cref="InputException"/> listing every invalid option (references are checked when resolved).</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        EvalOptionChecks.Check(errors, Suite, Repeat, Concurrency);
        if (OutputDirectory is not null && File.Exists(OutputDirectory))
        {
            errors.Add(new InputError("--output", null, null, $"{OutputDirectory} is a file; give a folder"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }
}
