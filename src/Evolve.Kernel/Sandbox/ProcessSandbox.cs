namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The weakest level: a plain child process with rlimits and a timeout. As root it still runs the
/// code as a leased unprivileged uid, which is what makes the process limit bite and keeps the
/// code out of root-only files; it has no network or filesystem isolation beyond that.
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
        var environment = SandboxSetup.Environment(setup.WorkDirectory, setup.WorkDirectory);
        if (setup.Uid is not null)
        {
            return ([.. setup.Uid.SetprivArguments(), .. setup.LimitedCommand()], environment);
        }

        // Not root: RLIMIT_NPROC counts every process of this user, so the budget is on top of
        // what the user already runs. Best effort; the namespace levels count per namespace.
        return ([.. setup.LimitedCommand(ProcessTable.TaskCount(ProcessTable.SelfUid()))], environment);
    }
}
