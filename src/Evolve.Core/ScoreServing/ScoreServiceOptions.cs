using Evolve.Core.Workspace;
using Evolve.Kernel;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.ScoreServing;

/// <summary>What a <see cref="ScoreService"/> scores against: one suite, its agent and how rollouts run.</summary>
public sealed record ScoreServiceOptions
{
    /// <summary>The suite: a name under the evals folder. Required.</summary>
    public string? Suite { get; init; }

    /// <summary>The agent whose live files are the base every request's components replace; default the suite's.</summary>
    public string? Agent { get; init; }

    /// <summary>The workspace folders. Required.</summary>
    public WorkspacePaths? Paths { get; init; }

    /// <summary>Rollouts in flight per request; default 16.</summary>
    public int Concurrency { get; init; } = ScoreServiceDefaults.Concurrency;

    /// <summary>Sandbox level for python-tests; null (default) for the strongest available.</summary>
    public SandboxLevel? Sandbox { get; init; }

    /// <summary>Judge model URI for model-graded assertions (<c>llm-rubric</c>, <c>factuality</c>, ...); default <c>sim</c>.</summary>
    public string? JudgeModel { get; init; }

    /// <summary>Let a real model's code run under the process sandbox (no isolation); default false.</summary>
    public bool AllowUnsandboxed { get; init; }

    /// <summary>Throws one <see cref="InputException"/> listing every problem.</summary>
    public void Validate()
    {
        var errors = new List<InputError>();
        if (string.IsNullOrWhiteSpace(Suite))
        {
            errors.Add(new InputError("command line", null, "--suite", "is required"));
        }

        if (Paths is null)
        {
            errors.Add(new InputError("command line", null, null, "the workspace folders are required"));
        }

        if (Concurrency is < 1 or > ScoreServiceDefaults.MaxConcurrency)
        {
            errors.Add(new InputError("command line", null, "--concurrency", $"must be in 1-{ScoreServiceDefaults.MaxConcurrency}, not {Concurrency}"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
    }
}
