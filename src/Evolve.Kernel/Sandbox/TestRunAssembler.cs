namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Combines the harness's events with how the sandboxed run ended. A run stopped half-way keeps
/// the results it had; the test that was running gets the reason it stopped, the rest "not run".
/// </summary>
internal static class TestRunAssembler
{
    private const int StderrTail = 600;

    public static PythonTestRun Assemble(HarnessReport report, SandboxResult result, SandboxLimits limits)
    {
        if (report.Truncated && !result.OutputTruncated)
        {
            result = result with { OutputTruncated = true };
        }

        if (report.LoadError is { } loadError)
        {
            return new PythonTestRun([], loadError, result);
        }

        var stopped = StopReason(result, limits);
        if (report.TestNames is not { } names)
        {
            return new PythonTestRun([], $"the solution did not finish loading: {stopped}", result);
        }

        var tests = new List<PythonTestCaseResult>();
        foreach (var name in names)
        {
            if (report.Result(name) is { } done)
            {
                tests.Add(done.Passed ? done : done with { Message = WithLimitHint(done.Message, limits) });
            }
            else if (name == report.Running)
            {
                tests.Add(new PythonTestCaseResult(name, false, $"stopped while running this test: {stopped}"));
            }
            else
            {
                tests.Add(new PythonTestCaseResult(name, false, $"not run: the run was stopped while running {report.Running ?? "an earlier test"}"));
            }
        }

        return new PythonTestRun(tests, null, result);
    }

    private static string StopReason(SandboxResult result, SandboxLimits limits)
    {
        if (result.Outcome == SandboxOutcome.Exited && result.OutputTruncated)
        {
            return $"the code wrote more than {limits.MaxOutputBytes} bytes of output and the test results were lost; print much less";
        }

        var tail = result.Stderr.Length > StderrTail ? result.Stderr[^StderrTail..] : result.Stderr;
        var why = result.Explanation ?? $"the process exited with code {result.ExitCode} before reporting results";
        return string.IsNullOrWhiteSpace(tail) ? why : $"{why}\n{tail.Trim()}";
    }

    // The harness catches these inside a test, so the limit only shows as an exception there.
    private static string? WithLimitHint(string? message, SandboxLimits limits) => message switch
    {
        null => null,
        _ when message.StartsWith("MemoryError", StringComparison.Ordinal) =>
            $"{message}\n(the memory limit is {limits.MemoryBytes / (1024 * 1024)} MiB: the code allocates far too much)",
        _ when message.StartsWith("BlockingIOError", StringComparison.Ordinal) && message.Contains("Resource temporarily unavailable", StringComparison.Ordinal) =>
            $"{message}\n(the limit is {limits.MaxProcesses} processes: the code starts too many processes or threads)",
        _ when message.StartsWith("OSError", StringComparison.Ordinal) && message.Contains("File too large", StringComparison.Ordinal) =>
            $"{message}\n(the {SandboxSetup.FileCapText}: the code writes far too much to one file)",
        _ => message,
    };
}
