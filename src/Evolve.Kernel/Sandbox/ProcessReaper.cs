namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The per-case subreaper of the <c>process</c> level. Without a pid namespace (or, for a non-root
/// caller, a leased uid to sweep), a grandchild that calls setsid() after a double fork leaves the
/// run's process group and would be re-parented to init, outliving its case. This small Python
/// process sets PR_SET_CHILD_SUBREAPER, runs the command as its child and, when that child exits
/// or SIGTERM arrives (the wall-time limit or a cancel), kills every process left below it:
/// every orphan of the case is re-parented to it, however it detached. It exits with the
/// command's status (128 + signal when killed). It runs outside the rlimits, since it only waits,
/// but as the run's uid; code that kills it on purpose can still leave a daemon behind.
/// </summary>
internal static class ProcessReaper
{
    private const string Script = """
        import ctypes, os, signal, sys

        class Stop(Exception):
            pass

        def stop(signum, frame):
            raise Stop()

        def children(me):
            found = []
            for name in os.listdir("/proc"):
                if not name.isdigit():
                    continue
                try:
                    with open("/proc/%s/stat" % name, "rb") as f:
                        stat = f.read()
                except OSError:
                    continue
                if stat[stat.rindex(b")") + 2:].split()[1] == me:
                    found.append(int(name))
            return found

        def reap_all():
            # Killing a child re-parents its children to us; repeat until none is left.
            me = str(os.getpid()).encode()
            while True:
                for pid in children(me):
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                try:
                    os.waitpid(-1, 0)
                except ChildProcessError:
                    return

        if ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
            os.write(2, b"evolve: could not become the run's subreaper\n")
            os._exit(125)
        signal.signal(signal.SIGTERM, stop)
        command = sys.argv[1:]
        status = 128 + signal.SIGTERM
        try:
            main = os.fork()
            if main == 0:
                # As subprocess does: what Python ignores must reach the command with its default action.
                for name in ("SIGPIPE", "SIGXFSZ", "SIGXFZ", "SIGTERM"):
                    if hasattr(signal, name):
                        signal.signal(getattr(signal, name), signal.SIG_DFL)
                try:
                    os.execvp(command[0], command)
                except OSError as e:
                    os.write(2, ("%s: failed to execute: %s\n" % (command[0], e.strerror)).encode())
                os._exit(127)
            while True:
                pid, raw = os.waitpid(-1, 0)
                if pid == main:
                    status = 128 + os.WTERMSIG(raw) if os.WIFSIGNALED(raw) else os.WEXITSTATUS(raw)
                    break
        except Stop:
            pass
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        reap_all()
        os._exit(status)
        """;

    /// <summary>
    /// <paramref name="command"/> run under the reaper; unchanged when there is no Python to run
    /// the reaper with (the run then has no subreaper, as before).
    /// </summary>
    public static IEnumerable<string> Wrap(IEnumerable<string> command) =>
        PythonLocator.Executable is { } python ? [python, "-I", "-S", "-c", Script, .. command] : command;

    /// <summary>True when <see cref="Wrap"/> adds the reaper (one more process of the run's uid).</summary>
    public static bool Available => PythonLocator.Executable is not null;
}
