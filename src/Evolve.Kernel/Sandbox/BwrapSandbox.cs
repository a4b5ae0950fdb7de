namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The strongest level: bubblewrap with new user, pid, net, ipc, uts and cgroup namespaces, a
/// read-only <c>/usr</c>, a minimal <c>/dev</c> and <c>/proc</c>, and size-capped tmpfs <c>/tmp</c>,
/// <c>/dev/shm</c> and <c>/work</c> (the cwd, holding the request's files read-only). As root it
/// first drops to a leased unprivileged uid, so bwrap runs unprivileged and RLIMIT_NPROC applies.
/// </summary>
internal sealed class BwrapSandbox : ISandbox
{
    private const string Inside = "/work";
    private static readonly string TmpSizeBytes = SandboxSetup.ScratchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private readonly SandboxExecutor _executor;

    public BwrapSandbox(SandboxExecutor executor) => _executor = executor;

    public SandboxLevel Level => SandboxLevel.Bwrap;

    public Task<SandboxResult> RunAsync(SandboxRequest request, CancellationToken cancellationToken = default) =>
        _executor.RunAsync(request, Level, Wrap, cancellationToken);

    private static (IReadOnlyList<string>, IReadOnlyDictionary<string, string>) Wrap(SandboxSetup setup)
    {
        List<string> argv =
        [
            "bwrap", "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session",
            "--ro-bind", "/usr", "/usr",
        ];
        if (BwrapFeatures.DisableUserns)
        {
            argv.Add("--disable-userns");
        }

        foreach (var top in new[] { "bin", "sbin", "lib", "lib32", "lib64", "libx32" })
        {
            AddSystemDirectory(argv, "/" + top);
        }

        foreach (var etc in new[] { "/etc/ld.so.cache", "/etc/alternatives", "/etc/localtime" })
        {
            if (Path.Exists(etc))
            {
                argv.AddRange(["--ro-bind", etc, etc]);
            }
        }

        if (PythonLocator.ExtraPrefix is { } prefix)
        {
            argv.AddRange(["--ro-bind", prefix, prefix]);
        }

        var inner = SandboxSetup.Environment(Inside, "/tmp");
        argv.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        // --dev puts /dev/shm on an unbounded tmpfs and a bound work dir is host disk, so each
        // scratch place is its own capped tmpfs and the request's files are bound into /work read-only.
        foreach (var scratch in new[] { "/tmp", "/dev/shm", Inside })
        {
            argv.AddRange(BwrapFeatures.TmpfsSize ? ["--size", TmpSizeBytes, "--tmpfs", scratch] : ["--tmpfs", scratch]);
        }

        foreach (var file in Directory.EnumerateFiles(setup.WorkDirectory, "*", SearchOption.AllDirectories))
        {
            argv.AddRange(["--ro-bind", file, Inside + "/" + Path.GetRelativePath(setup.WorkDirectory, file)]);
        }

        argv.AddRange(["--chdir", Inside, "--clearenv"]);
        foreach (var (key, value) in inner)
        {
            argv.AddRange(["--setenv", key, value]);
        }

        argv.Add("--");
        argv.AddRange(setup.LimitedCommand());
        return (argv, SandboxSetup.Environment(setup.WorkDirectory, setup.WorkDirectory));
    }

    // Merged-/usr systems have /bin -> usr/bin symlinks; older ones have real directories.
    private static void AddSystemDirectory(List<string> argv, string path)
    {
        var info = new DirectoryInfo(path);
        if (!info.Exists)
        {
            return;
        }

        if (info.LinkTarget is { } target)
        {
            argv.AddRange(["--symlink", target, path]);
        }
        else
        {
            argv.AddRange(["--ro-bind", path, path]);
        }
    }
}
