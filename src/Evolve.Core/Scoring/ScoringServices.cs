using Evolve.Core.Scoring.Scripts;
using Evolve.Kernel.Sandbox;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Scoring;

/// <summary>What the scorers need from outside: a Python test runner, a judge model and limits.</summary>
public sealed class ScoringServices
{
    /// <summary>Default <see cref="RegexTimeout"/>: 250 ms.</summary>
    public static readonly TimeSpan DefaultRegexTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>Services with defaults and no Python test runner.</summary>
    public static ScoringServices Default { get; } = new();

    /// <summary>
    /// Runs <c>python-tests</c> assertions in the sandbox. Null (the default) makes every
    /// python-tests assertion fail with a diagnostic saying no runner is configured.
    /// </summary>
    public IPythonTestRunner? PythonTestRunner { get; init; }

    /// <summary>
    /// The model that grades <c>llm-rubric</c>, <c>factuality</c> and the other model-graded
    /// assertions, built with its own pipeline and usage ledger. Null (the default) makes each of
    /// them fail with a diagnostic saying no judge is configured.
    /// </summary>
    public IChatClient? Judge { get; init; }

    /// <summary>
    /// The sandbox <c>python</c> assertions run in (one process per check). Null (the default) makes
    /// each of them fail with a diagnostic saying no sandbox is configured.
    /// </summary>
    public ISandbox? Sandbox { get; init; }

    /// <summary>How long one regex match may take before the assertion gives up (default 250 ms).</summary>
    public TimeSpan RegexTimeout { get; init; } = DefaultRegexTimeout;

    /// <summary>Time, memory and call depth one <c>javascript</c> assertion may use.</summary>
    public JavaScriptLimits JavaScript { get; init; } = JavaScriptLimits.Default;

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid setting.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (RegexTimeout <= TimeSpan.Zero || RegexTimeout > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{nameof(RegexTimeout)} must be more than 0 and at most 1 minute, not {RegexTimeout}.");
        }

        problems.AddRange(JavaScript.Problems());
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid scoring services: " + string.Join(" ", problems));
        }
    }
}
