namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The part every level shares: a fresh work directory with the request's files (owned by the
/// run's uid), the limits, the run through <see cref="ChildProcess"/>, classification, cleanup.
/// </summary>
internal sealed class SandboxExecutor
{
    /// <summary>
    /// Programs that may run at once in this process: two per core. Sandboxed code is CPU-bound, so
    /// more in flight would not finish sooner; it would only stretch each one's wall time until the
    /// wall-time limit, rather than the CPU limit, ends an endless loop, and the same answer would
    /// score differently on a busy machine (seen: 0.75 under the CPU limit, 0.5 under the wall limit).
    /// </summary>
    public static int DefaultSlots { get; } = 2 * Environment.ProcessorCount;

    private static readonly SemaphoreSlim SharedSlots = new(DefaultSlots);

    private readonly TimeProvider _time;
    private readonly SandboxUidPool? _uids;
    private readonly SemaphoreSlim _slots;
    private int _swept;

    public SandboxExecutor(TimeProvider time, SandboxUidPool? uids, SemaphoreSlim? slots = null)
    {
        _time = time;
        _uids = uids;
        _slots = slots ?? SharedSlots;
    }

    /// <summary>The executor for this process: unprivileged uids when running as root.</summary>
    public static SandboxExecutor Create(TimeProvider? time = null) =>
        new(time ?? TimeProvider.System, NativeMethods.IsRoot ? SandboxUidPool.Shared : null);

    public async Task<SandboxResult> RunAsync(
        SandboxRequest request,
        SandboxLevel level,
        Func<SandboxSetup, (IReadOnlyList<string> Argv, IReadOnlyDictionary<string, string> Environment)> wrap,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Command.Count == 0 || string.IsNullOrWhiteSpace(request.Command[0]))
        {
            throw new ArgumentException("the command is empty", nameof(request));
        }

        var limits = request.Limits ?? SandboxLimits.Default;
        // Waiting for a slot is not the program's time: its wall-time limit starts when it starts.
        await _slots.WaitAsync(cancellationToken);
        SandboxUid? uid = null;
        string? work = null;
        var clean = true;
        try
        {
            uid = _uids is null ? null : await _uids.AcquireAsync(SweepAsync);
            // Work dirs a killed Evolve left behind hold hidden tests; the first case clears them.
            if (Interlocked.Exchange(ref _swept, 1) == 0)
            {
                SandboxWorkDirectory.SweepStale();
            }

            work = SandboxWorkDirectory.Create();
            WriteFiles(work, request.Files, uid);
            var (argv, environment) = wrap(new SandboxSetup(work, uid, limits, request.Command));
            if (uid is not null)
            {
                // Outermost at every level, so bwrap and unshare themselves run unprivileged.
                argv = [.. uid.SetprivArguments(), .. argv];
            }

            // At the process level a daemonised child can outlive the run and hold the pipes, so
            // everything the uid owns is killed as soon as the main process exits.
            var swept = true;
            Func<Task>? afterExit = level == SandboxLevel.Process && uid is not null
                ? async () => swept = await SweepAsync(uid)
                : null;
            clean = false; // If the caller cancels, a dying namespace may remain: rest the uid.
            var exit = await ChildProcess.RunAsync(argv, work, environment, request.Stdin, limits, afterExit, reaped: level == SandboxLevel.Process && ProcessReaper.Available, _time, cancellationToken);
            // A killed pid namespace is torn down asynchronously; make sure it is gone before the uid is reused.
            clean = swept && (uid is null || level == SandboxLevel.Process || !exit.TimedOut || await SweepAsync(uid));
            return OutcomeClassifier.Classify(exit, level, limits, request.Command[0]);
        }
        finally
        {
            if (work is not null)
            {
                SandboxWorkDirectory.Delete(work);
            }

            if (uid is not null)
            {
                _uids!.Release(uid, clean);
            }

            _slots.Release();
        }
    }

    private static void WriteFiles(string work, IReadOnlyDictionary<string, string>? files, SandboxUid? uid)
    {
        foreach (var (name, content) in files ?? new Dictionary<string, string>())
        {
            var path = Path.GetFullPath(Path.Combine(work, name));
            if (Path.IsPathRooted(name) || !path.StartsWith(work + "/", StringComparison.Ordinal))
            {
                throw new ArgumentException($"file name '{name}' must be relative and stay inside the work directory", nameof(files));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        if (uid is not null)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(work, "*", SearchOption.AllDirectories).Prepend(work))
            {
                NativeMethods.ChangeOwner(entry, uid.Uid);
            }
        }
    }

    /// <summary>
    /// Kills every process of <paramref name="uid"/> (kill(-1) as that uid signals all of them)
    /// and waits briefly until none is left. SIGKILL is delivered asynchronously, and orphans stay
    /// zombies until init reaps them (slowly on some VMs) while still counting against
    /// RLIMIT_NPROC; false when some remain, so the pool rests the uid.
    /// </summary>
    private async Task<bool> SweepAsync(SandboxUid uid)
    {
        if (ProcessTable.ProcessCount(uid.Uid) == 0)
        {
            return true;
        }

        await ChildProcess.RunAsync(
            [.. uid.SetprivArguments(), "/bin/sh", "-c", "kill -s KILL -- -1 2>/dev/null; exit 0"],
            "/",
            SandboxSetup.Environment("/", "/tmp"),
            null,
            SandboxLimits.Default with { WallTime = TimeSpan.FromSeconds(10) },
            null,
            reaped: false,
            _time,
            CancellationToken.None);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (ProcessTable.ProcessCount(uid.Uid) == 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), _time);
        }

        return false;
    }
}
