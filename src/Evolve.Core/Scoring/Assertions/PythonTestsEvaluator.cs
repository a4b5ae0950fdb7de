using System.Text;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Evolve.Kernel.Prompts;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>python-tests</c>: runs the answer's code against hidden tests (the value) through an
/// <see cref="IPythonTestRunner"/>. The code is the first <c>```python</c>, <c>```py</c> or bare
/// fenced block, else the whole answer. Score = fraction of tests passed; passes when all pass
/// (or, with a threshold, when the fraction reaches it).
/// </summary>
internal sealed class PythonTestsEvaluator(IPythonTestRunner? runner) : AssertionEvaluator<PythonTestsEvaluator.Tests>("python-tests")
{
    /// <summary>The case variable naming the function under test (HumanEval's <c>entry_point</c>).</summary>
    public const string EntryPointVar = "entry_point";

    private const int MaxFailuresListed = 6;

    private static readonly string[] PythonFences = ["python", "py", "python3", string.Empty];

    internal sealed record Tests(string Code, double? Threshold);

    /// <summary>The code the answer gives: the first Python (or bare) fenced block, else the whole answer.</summary>
    public static string ExtractCode(string output, out bool fenced)
    {
        var body = FencedBlock.FirstIn(output, PythonFences);
        fenced = body is not null;
        // Code handed to the harness ends with a line ending, as a source file does.
        return fenced ? body + "\n" : output;
    }

    /// <inheritdoc/>
    protected override Tests Parse(AssertionSpec spec)
    {
        if (!SpecValue.TryText(spec.Value, out var code) || string.IsNullOrWhiteSpace(code))
        {
            throw new FormatException($"python-tests needs the test code as its value, not {SpecValue.Describe(spec.Value)}");
        }

        if (!code.Contains("def test", StringComparison.Ordinal) && !code.Contains("def check(", StringComparison.Ordinal))
        {
            throw new FormatException("the test code defines no test_* function and no check(candidate) function");
        }

        return spec.Threshold is { } t && t is < 0 or > 1
            ? throw new ThresholdException($"threshold {t} must be between 0 and 1")
            : new Tests(code, spec.Threshold);
    }

    /// <inheritdoc/>
    protected override async ValueTask<AssertionCheck> CheckAsync(Tests arg, AssertionContext context, string output, CancellationToken cancellationToken)
    {
        if (runner is null)
        {
            return AssertionCheck.Broken(
                "the hidden tests could not be run because no Python test runner is configured, so this answer was not checked.",
                "python-tests needs an IPythonTestRunner in ScoringServices; none was given");
        }

        var code = ExtractCode(output, out var fenced);
        var entryPoint = context.Case.Vars.TryGetValue(EntryPointVar, out var ep) && SpecValue.TryText(ep, out var name) ? name : null;
        var run = await runner.RunAsync(code, arg.Code, entryPoint, cancellationToken).ConfigureAwait(false);

        var total = run.Tests.Count;
        var passedCount = 0;
        foreach (var test in run.Tests)
        {
            passedCount += test.Passed ? 1 : 0;
        }

        var loaded = run.LoadError is null && total > 0;
        var fraction = loaded ? (double)passedCount / total : 0;
        var passed = loaded && (arg.Threshold is { } t ? Graded.Reaches(fraction, t) : passedCount == total);
        var diagnostic = run.Sandbox.Outcome == SandboxOutcome.Exited ? null : run.Sandbox.Explanation ?? run.Sandbox.Outcome.ToString();
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(fraction, passed, null, diagnostic);
        }

        var explanation = passed
            ? $"the code must fail the hidden tests, but {passedCount} of {total} passed."
            : Explain(run, total - passedCount, total, fenced);
        return new AssertionCheck(fraction, passed, explanation, diagnostic ?? (total == 0 && run.LoadError is null ? "no tests ran; stderr: " + Cut(run.Sandbox.Stderr, 300) : null));
    }

    private static string Explain(PythonTestRun run, int failed, int total, bool fenced)
    {
        var fenceAdvice = fenced ? string.Empty : " (no ```python block was found, so the whole answer was run as code; put the code in one ```python block)";
        if (run.Sandbox.Outcome == SandboxOutcome.StartFailed)
        {
            return $"the tests could not be started ({run.Sandbox.Explanation ?? "start failed"}). This is a problem with the scoring environment, not the answer.";
        }

        if (run.Sandbox.Outcome != SandboxOutcome.Exited)
        {
            return $"the run hit a limit: {run.Sandbox.Explanation ?? run.Sandbox.Outcome.ToString()} — look for infinite loops, unbounded recursion or very slow code.{fenceAdvice}";
        }

        if (run.LoadError is not null)
        {
            return $"the code did not load: {Cut(run.LoadError, 300)}{fenceAdvice} — fix the code so it runs.";
        }

        if (total == 0)
        {
            return $"no test ran (the test harness reported nothing){fenceAdvice}.";
        }

        var builder = new StringBuilder();
        builder.Append(failed).Append(" of ").Append(total).Append(" hidden tests failed: ");
        var listed = 0;
        foreach (var test in run.Tests)
        {
            if (test.Passed || listed++ >= MaxFailuresListed)
            {
                continue;
            }

            builder.Append(listed > 1 ? "; " : string.Empty).Append(test.Name).Append(": ").Append(Cut(test.Message ?? "failed", 200));
        }

        if (failed > MaxFailuresListed)
        {
            builder.Append("; and ").Append(failed - MaxFailuresListed).Append(" more");
        }

        return builder.Append(fenceAdvice).Append(" — fix the code so these cases pass.").ToString();
    }

    private static string Cut(string text, int max)
    {
        var oneLine = text.Trim().ReplaceLineEndings(" | ");
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max), "…");
    }
}
