using System.Text.RegularExpressions;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel;

namespace Evolve.Core.Evaluation;

/// <summary>Options of <c>evolve eval</c>, validated once into one error listing every problem.</summary>
public sealed partial record EvalOptions
{
    /// <summary>Suite name (a folder under <c>evals/</c>) or a path to a suite.yaml. Required.</summary>
    public string? Suite { get; init; }

    /// <summary>Agent to evaluate; default: the suite's agent.</summary>
    public string? Agent { get; init; }

    /// <summary>A template file replacing the agent's primary template (system, else task).</summary>
    public string? PromptFile { get; init; }

    /// <summary>train, val, holdout or all (default all).</summary>
    public string Split { get; init; } = "all";

    /// <summary>Repeats per case; default: the suite's.</summary>
    public int? Repeat { get; init; }

    /// <summary>Model URI; default: the agent's model, else <c>sim</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Rollouts in flight (default 32).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Sandbox level for python-tests: auto, bwrap, namespaces or process (default auto).</summary>
    public string Sandbox { get; init; } = "auto";

    /// <summary>Lets a real model's code run under the process sandbox (no isolation); default false.</summary>
    public bool AllowUnsandboxed { get; init; }

    /// <summary>Rate limits, timeout, retries, cache and prices for model calls.</summary>
    public ModelCallSettings Calls { get; init; } = new();

    /// <summary>Gate: the mean case score must reach this, or the exit code is 1.</summary>
    public double? MinScore { get; init; }

    /// <summary>Where suites, agents and runs live.</summary>
    public required WorkspacePaths Paths { get; init; }

    /// <summary>True when <see cref="Suite"/> is a path to a suite.yaml rather than a name under evals/.</summary>
    public bool IsSuiteFile => Suite is not null && (Suite.EndsWith(".yaml", StringComparison.Ordinal) || Suite.EndsWith(".yml", StringComparison.Ordinal));

    /// <summary>
    /// Id of an earlier eval run to continue (interrupted, failed or stopped by a model outage): its
    /// stored rollouts are kept and only the missing ones run. Default null: a new run.
    /// </summary>
    public string? Resume { get; init; }

    /// <summary>The split filter, or null for all.</summary>
    public Split? SplitFilter => Split == "all" ? null : Enum.Parse<Split>(Split, ignoreCase: true);

    /// <summary>Throws one <see cref="InputException"/> listing every invalid option.</summary>
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

        if (MinScore is < 0 or > 1)
        {
            errors.Add(new InputError("--min-score", null, null, $"must be between 0 and 1, not {MinScore}"));
        }

        if (Sandbox is not ("auto" or "bwrap" or "namespaces" or "process"))
        {
            errors.Add(new InputError("--sandbox", null, null, $"must be auto, bwrap, namespaces or process, not '{Sandbox}'"));
        }

        if (PromptFile is not null && !File.Exists(PromptFile))
        {
            errors.Add(new InputError(PromptFile, null, "--prompt", "file not found"));
        }

        errors.AddRange(Calls.Problems());
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SuiteName();
}
