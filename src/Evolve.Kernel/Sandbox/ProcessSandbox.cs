namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The weakest level: a plain child process with rlimits and a timeout. As root it still runs the
/// code as a leased unprivileged uid, which is what makes the process limit bite and keeps the
/// code out of root-only files; it has no network or filesystem isolation beyond that. A
/// <see cref="ProcessReaper"/> ends every descendant with the case, detached or not.
/// </summary>
internal sealed class ProcessSandbox : ISandbox
{
    private readonly SandboxExecutor _executor;

    public ProcessSandbox(SandboxExecutor executor) => _executor = executor;

    public SandboxLevel Level => SandboxLevel.Process;

    public Task<SandboxResult> RunAsync(SandboxRequest request, CancellationToken cancellationToken = default) =>
        _executor.RunAsync(request, Level, Wrap, cancellationToken);

    private static (IReadOnlyList<string>, IReadOnlyDictionary<string, string>) Wrap(SandboxSetup setup)
    {
        // Not root: RLIMIT_NPROC counts every process of this user, so the budget is on top of
        // what the user already runs. Best effort; the namespace levels count per namespace.
        // As root the executor drops to a leased uid that runs nothing else.
        var alreadyRunning = setup.Uid is null ? ProcessTable.TaskCount(ProcessTable.SelfUid()) : 0;
        // The reaper, outermost under the uid drop, is one more process of the run's uid.
        var reaper = ProcessReaper.Available ? 1 : 0;
        return ([.. ProcessReaper.Wrap(setup.LimitedCommand(alreadyRunning + reaper))], SandboxSetup.Environment(setup.WorkDirectory, setup.WorkDirectory));
    }
}
