namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The middle level, for machines without bubblewrap: <c>unshare</c> user, pid, net and mount
/// namespaces. A small shell script inside the new mount namespace moves the work dir to
/// <c>/tmp/work</c> and hides the places the caller's files live (/tmp, /root, /home, the
/// caller's working directory, ...) under empty tmpfs mounts, then drops every capability so the
/// code cannot unmount them again. The rest of the system stays visible read-only by permissions.
/// </summary>
internal sealed class NamespacesSandbox : ISandbox
{
    private const string Inside = "/tmp/work";

    private static readonly string[] SystemDirectories =
        ["/", "/usr", "/etc", "/bin", "/sbin", "/lib", "/lib64", "/proc", "/sys", "/dev", "/var", "/opt"];

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
            "/bin/sh", "-c", Script(setup.WorkDirectory), "sandbox",
            "setpriv", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs",
            .. setup.LimitedCommand(),
        ];
        return (argv, SandboxSetup.Environment(Inside, "/tmp"));
    }

    // The script waits for the code instead of exec'ing it: unshare --fork cannot re-raise a
    // child's fatal signal on some util-linux versions ("sigprocmask unblock failed", exit 1),
    // which hid the CPU limit and every other signal; the shell exits 128 + signal instead.
    private static string Script(string work)
    {
        var stage = Directory.Exists("/run") ? "/run" : "/mnt";
        var covers = HiddenDirectories().Where(d => d != stage).Select(Quote);
        return $"""
            set -e
            mount -t tmpfs -o mode=755,size=1m sandbox-stage {stage}
            mkdir {stage}/work
            mount -t tmpfs -o mode=755,size={SandboxSetup.ScratchBytes} sandbox-work {stage}/work
            cp -R {Quote(work)}/. {stage}/work/
            for d in {string.Join(' ', covers)}; do
              if [ -d "$d" ]; then mount -t tmpfs -o mode=1777,size={SandboxSetup.ScratchBytes} sandbox-hidden "$d"; fi
            done
            mkdir -p {Inside}
            mount --move {stage}/work {Inside}
            cd {Inside}
            "$@" || exit $?
            """;
    }

    // Where a caller's private files usually are. The work dir's own parent (/tmp) is among them.
    private static IEnumerable<string> HiddenDirectories()
    {
        string[] fixedPlaces = ["/tmp", "/var/tmp", "/dev/shm", "/root", "/home", "/mnt", "/media", "/srv"];
        var home = Environment.GetEnvironmentVariable("HOME");
        var cwd = Environment.CurrentDirectory;
        // The top directory of the caller's cwd (for example /work for /work/repo), unless it is a system one.
        var cwdTop = "/" + cwd.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return fixedPlaces
            .Concat(new[] { Path.GetTempPath().TrimEnd('/'), home ?? "/", SystemDirectories.Contains(cwdTop) ? cwd : cwdTop, cwd })
            .Where(d => !SystemDirectories.Contains(d))
            .Distinct(StringComparer.Ordinal);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
}
