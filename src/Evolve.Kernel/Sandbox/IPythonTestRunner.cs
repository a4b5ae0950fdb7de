namespace Evolve.Kernel.Sandbox;

/// <summary>One hidden test's result.</summary>
/// <param name="Name">The test function's name (for example <c>test_empty_list</c>), or <c>check</c> for HumanEval style.</param>
/// <param name="Passed">True when it passed.</param>
/// <param name="Message">For a failure: the exception type and message, and the failing assert's source line where known.</param>
public sealed record PythonTestCaseResult(string Name, bool Passed, string? Message);

/// <summary>The result of running a solution against hidden tests.</summary>
/// <param name="Tests">Per-test results; empty when the solution did not even load.</param>
/// <param name="LoadError">Set when the solution or tests failed to import (syntax error, exception at import).</param>
/// <param name="Sandbox">The raw sandbox result, for diagnostics and limits hit.</param>
public sealed record PythonTestRun(
    IReadOnlyList<PythonTestCaseResult> Tests,
    string? LoadError,
    SandboxResult Sandbox)
{
    /// <summary>True when the solution loaded and every test passed.</summary>
    public bool AllPassed => LoadError is null && Tests.Count > 0 && Tests.All(t => t.Passed);
}

/// <summary>
/// Runs a Python solution against hidden tests inside a sandbox. Tests are either pytest-style
/// functions named <c>test_*</c> (each run and reported separately), or a HumanEval-style
/// <c>check(candidate)</c> function called with the entry point.
/// </summary>
public interface IPythonTestRunner
{
    /// <summary>Runs <paramref name="solution"/> followed by <paramref name="tests"/>; never throws for anything the code does.</summary>
    Task<PythonTestRun> RunAsync(string solution, string tests, string? entryPoint, CancellationToken cancellationToken = default);
}
