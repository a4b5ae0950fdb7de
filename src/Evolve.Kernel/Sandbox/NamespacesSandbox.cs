namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The middle level, for machines without bubblewrap: <c>unshare</c> user, pid, net and mount
/// namespaces. A small shell script inside the new mount namespace pivots into a minimal root of
/// its own (<see cref="NamespacesRoot"/>), then <c>setpriv</c> drops every capability (bounding,
/// inheritable and so ambient; effective and permitted go with the exec) and sets no-new-privs,
/// so the code cannot mount, unmount or regain a capability.
/// </summary>
internal sealed class NamespacesSandbox : ISandbox
{
    private readonly SandboxExecutor _executor;

    public NamespacesSandbox(SandboxExecutor executor) => _executor = executor;

    public SandboxLevel Level => SandboxLevel.Namespaces;

    public Task<SandboxResult> RunAsync(SandboxRequest request, CancellationToken cancellationToken = default) =>
        _executor.RunAsync(request, Level, Wrap, cancellationToken);

    private static (IReadOnlyList<string>, IReadOnlyDictionary<string, string>) Wrap(SandboxSetup setup)
    {
        string[] argv =
        [
            "unshare", "--user", "--map-root-user", "--pid", "--fork", "--kill-child", "--net", "--mount",
            "--mount-proc", "--propagation", "private", "--",
            "/bin/sh", "-c", NamespacesRoot.Script(setup.WorkDirectory), "sandbox",
            "setpriv", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs",
            .. setup.LimitedCommand(),
        ];
        return (argv, SandboxSetup.Environment(NamespacesRoot.Inside, "/tmp"));
    }
}
