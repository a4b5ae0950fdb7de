using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

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

        // The key signs the harness's report; it and the tests reach the harness on stdin only, so
        // the answer (a separate process that gets only solution.py) sees neither.
        var budget = Math.Max(256, _limits.MaxOutputBytes / 4);
        var key = RandomNumberGenerator.GetBytes(32);
        var config = JsonSerializer.Serialize(new HarnessConfig(
            Convert.ToHexStringLower(key), tests, entryPoint, Math.Ceiling(_limits.CpuTime.TotalSeconds), SandboxSetup.FileCapText, budget));
        var request = new SandboxRequest(
            ["python3", "-I", PythonHarness.FileName],
            new Dictionary<string, string>
            {
                [PythonHarness.SolutionFile] = solution,
                [PythonHarness.FileName] = PythonHarness.Script,
                [PythonAnswerHost.FileName] = PythonAnswerHost.Script,
            },
            Stdin: config,
            Limits: _limits);

        var result = await _sandbox.RunAsync(request, cancellationToken);
        var report = HarnessReport.Parse(result.Stdout, key);
        return TestRunAssembler.Assemble(report, result, _limits);
    }

    private sealed record HarnessConfig(
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("tests")] string Tests,
        [property: JsonPropertyName("entry_point")] string? EntryPoint,
        [property: JsonPropertyName("cpu")] double Cpu,
        [property: JsonPropertyName("file_cap")] string FileCap,
        [property: JsonPropertyName("budget")] int Budget);
}
