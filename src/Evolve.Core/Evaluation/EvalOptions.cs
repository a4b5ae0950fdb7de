using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Evaluation;

/// <summary>Options of <c>evolve eval</c>, validated once into one error listing every problem.</summary>
public sealed record EvalOptions
{
    /// <summary>Suite name (a folder under <c>evals/</c>) or a path to a suite.yaml. Required.</summary>
    public string? Suite { get; init; }

    /// <summary>Agent to evaluate; default: the suite's agent.</summary>
    public string? Agent { get; init; }

    /// <summary>A template file replacing the agent's primary template (system, else task).</summary>
    public string? PromptFile { get; init; }

    /// <summary>The cases to run: one split, or null (the default, <c>--split all</c>) for every case.</summary>
    public Split? Split { get; init; }

    /// <summary>Case ids to run (<c>--case</c>, repeatable), within <see cref="Split"/>; null or empty for every case there.</summary>
    public IReadOnlyList<string>? CaseIds { get; init; }

    /// <summary>A file of case ids to run, one per line (<c>--cases</c>); added to <see cref="CaseIds"/>.</summary>
    public string? CasesFile { get; init; }

    /// <summary>Repeats per case; default: the suite's.</summary>
    public int? Repeat { get; init; }

    /// <summary>Model URI; default: the agent's model, else <c>sim</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Judge model URI for model-graded assertions (<c>llm-rubric</c>, <c>factuality</c>, ...); default <c>sim</c>.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Rollouts in flight (default 32).</summary>
    public int Concurrency { get; init; } = 32;

    /// <summary>Sandbox level for python-tests; null (the default, <c>--sandbox auto</c>) for the strongest available.</summary>
    public SandboxLevel? Sandbox { get; init; }

    /// <summary>Lets a real model's code run under the process sandbox (no isolation); default false.</summary>
    public bool AllowUnsandboxed { get; init; }

    /// <summary>Rate limits, timeout, retries, cache and prices for model calls.</summary>
    public ModelCallSettings Calls { get; init; } = new();

    /// <summary>Gate: the mean case score must reach this, or the exit code is 1.</summary>
    public double? MinScore { get; init; }

    /// <summary>Where suites, agents and runs live.</summary>
    public required WorkspacePaths Paths { get; init; }

    /// <summary>True when <see cref="Suite"/> is a path to a suite.yaml rather than a name under evals/.</summary>
    public bool IsSuiteFile => EvalOptionChecks.IsSuiteFile(Suite);

    /// <summary>
    /// Id of an earlier eval run to continue (interrupted, failed or stopped by a model outage): its
    /// stored rollouts are kept and only the missing ones run. Default null: a new run.
    /// </summary>
    public string? Resume { get; init; }

    /// <summary>Throws one <see cref="InputException"/> listing every invalid option.</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        EvalOptionChecks.Check(errors, Suite, Repeat, Concurrency);
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
}
