namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Turns a raw <see cref="ChildExit"/> into a <see cref="SandboxResult"/> with an explanation a
/// reflection model can act on. Limits show up as symptoms, so they are read from stderr: a
/// failed fork is EAGAIN (RLIMIT_NPROC), a failed allocation is MemoryError (RLIMIT_AS), a write
/// past RLIMIT_FSIZE is EFBIG (Python ignores SIGXFSZ) or death by SIGXFSZ (most other programs).
/// </summary>
internal static class OutcomeClassifier
{
    private static readonly string[] ForkFailures =
        ["Resource temporarily unavailable", "BlockingIOError", "fork: retry", "Cannot fork"];

    private static readonly string[] MemoryFailures =
        ["MemoryError", "Cannot allocate memory", "std::bad_alloc", "out of memory"];

    public static SandboxResult Classify(ChildExit exit, SandboxLevel level, SandboxLimits limits, string command)
    {
        if (exit.StartError is not null)
        {
            return Result(SandboxOutcome.StartFailed, exit.StartError);
        }

        var seconds = limits.WallTime.TotalSeconds.ToString("0.###");
        var forked = ForkFailures.Any(s => exit.Stderr.Contains(s, StringComparison.Ordinal));
        if (forked)
        {
            return Result(SandboxOutcome.TooManyProcesses, exit.TimedOut
                ? $"hit the limit of {limits.MaxProcesses} processes and was killed after {seconds} s: the code probably forks or starts threads without bound"
                : $"hit the limit of {limits.MaxProcesses} processes: the code started too many processes or threads");
        }

        if (exit.TimedOut)
        {
            return Result(SandboxOutcome.TimedOut, $"timed out after {seconds} s and was killed: the code probably loops forever, waits for input, or is far too slow");
        }

        if (exit.ExitCode == 128 + 24)
        {
            var cpu = limits.CpuTime.TotalSeconds.ToString("0.###");
            return Result(SandboxOutcome.TimedOut, $"used more than {cpu} s of CPU time and was stopped: the code probably loops forever or is far too slow");
        }

        if (exit.ExitCode != 0 && MemoryFailures.Any(s => exit.Stderr.Contains(s, StringComparison.Ordinal)))
        {
            return Result(SandboxOutcome.OutOfMemory, $"ran out of memory (limit {limits.MemoryBytes / (1024 * 1024)} MiB): the code allocates far too much, perhaps in unbounded recursion or an endless loop");
        }

        if (exit.ExitCode is > 0 and < 128 && exit.Stderr.Contains("File too large", StringComparison.Ordinal))
        {
            return Result(SandboxOutcome.Exited, $"a write failed at the {SandboxSetup.FileCapText}: the code writes far too much to one file");
        }

        if (exit.ExitCode == 127 && IsMissingCommand(exit.Stderr))
        {
            var hint = command is "python3" or "python" ? PythonLocator.InstallHint : $"{command} was not found inside the sandbox";
            return Result(SandboxOutcome.StartFailed, hint);
        }

        if (exit.ExitCode > 128 && exit.ExitCode < 160)
        {
            var signal = exit.ExitCode - 128;
            var why = signal switch
            {
                9 => " (SIGKILL, possibly the kernel's out-of-memory killer)",
                11 => " (SIGSEGV, often a stack overflow from deep recursion)",
                25 => $" (SIGXFSZ: a file grew past the {SandboxSetup.FileCapText})",
                _ => "",
            };
            return Result(SandboxOutcome.Killed, $"was killed by signal {signal}{why}");
        }

        return Result(SandboxOutcome.Exited, null);

        SandboxResult Result(SandboxOutcome outcome, string? explanation) =>
            new(outcome, outcome == SandboxOutcome.Exited ? exit.ExitCode : -1, exit.Stdout, exit.Stderr, exit.Truncated, exit.Elapsed, level, explanation);
    }

    private static bool IsMissingCommand(string stderr) =>
        stderr.Contains("failed to execute", StringComparison.Ordinal)
        || stderr.Contains("No such file or directory", StringComparison.Ordinal)
        || stderr.Contains("execvp", StringComparison.Ordinal);
}
