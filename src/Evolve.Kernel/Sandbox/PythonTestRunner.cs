using System.Security.Cryptography;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Runs a Python solution against hidden tests in a sandbox through <see cref="PythonHarness"/>.
/// Whatever the code does (syntax error, crash, endless loop, fork bomb, memory hog, output
/// flood) becomes a <see cref="PythonTestRun"/> whose messages say what happened in words a
/// reflection model can act on; it never throws for the code's behaviour.
/// </summary>
public sealed class PythonTestRunner : IPythonTestRunner
{
    private readonly ISandbox _sandbox;
    private readonly SandboxLimits _limits;

    /// <summary>Creates a runner; <paramref name="limits"/> defaults to <see cref="SandboxLimits.Default"/>.</summary>
    public PythonTestRunner(ISandbox sandbox, SandboxLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _sandbox = sandbox;
        _limits = limits ?? SandboxLimits.Default;
    }

    /// <inheritdoc />
    public async Task<PythonTestRun> RunAsync(string solution, string tests, string? entryPoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(tests);
        if (PythonLocator.Executable is null)
        {
            var missing = new SandboxResult(SandboxOutcome.StartFailed, -1, "", "", false, TimeSpan.Zero, _sandbox.Level, PythonLocator.InstallHint);
            return new PythonTestRun([], PythonLocator.InstallHint, missing);
        }

        // Unguessable so the solution cannot print fake results; security, not reproducibility.
        var marker = "@@evolve-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
        var budget = Math.Max(256, _limits.MaxOutputBytes / 4);
        var request = new SandboxRequest(
            ["python3", "-I", PythonHarness.FileName, entryPoint ?? ""],
            new Dictionary<string, string>
            {
                [PythonHarness.SolutionFile] = solution,
                [PythonHarness.TestsFile] = tests,
                [PythonHarness.FileName] = PythonHarness.Script,
            },
            Stdin: $"{marker} {budget}\n",
            Limits: _limits);

        var result = await _sandbox.RunAsync(request, cancellationToken);
        var report = HarnessReport.Parse(result.Stdout, marker);
        return TestRunAssembler.Assemble(report, result, _limits);
    }
}
