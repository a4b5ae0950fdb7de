using System.Collections.Concurrent;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Hands out unprivileged uids (60000 + slot) to concurrent runs when Evolve runs as root.
/// Why: RLIMIT_NPROC is the only process-count limit that needs no cgroup delegation (cgroup v2
/// pids.max is not writable on many hosts, this one included), but the kernel never applies it
/// to uid 0 and counts it per uid, so each concurrent run executes as its own otherwise unused
/// uid. A uid is leased across processes with an flock'd file (.NET FileShare.None), so two Evolve
/// processes never share one; within a process a released uid is reused, after a rest if it
/// still had processes (zombies awaiting init) that would eat the next run's process budget.
/// </summary>
internal sealed class SandboxUidPool
{
    private const int FirstUid = 60000;
    private const int LastUid = 64999;
    private static readonly TimeSpan Rest = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<SandboxUid> _free = new();
    private readonly ConcurrentQueue<(SandboxUid Uid, long Since)> _resting = new();
    private readonly string _lockDirectory;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _next = FirstUid;

    public SandboxUidPool(string lockDirectory, TimeProvider time)
    {
        _lockDirectory = lockDirectory;
        _time = time;
    }

    /// <summary>The pool for this process, locking under the system temp dir.</summary>
    public static SandboxUidPool Shared { get; } =
        new(Path.Combine(Path.GetTempPath(), "evolve-sandbox-uids"), TimeProvider.System);

    /// <summary>Takes a uid no other run is using and that has no processes left (checked with <paramref name="sweep"/> when in doubt).</summary>
    public async Task<SandboxUid> AcquireAsync(Func<SandboxUid, Task<bool>> sweep)
    {
        while (true)
        {
            var uid = Take();
            if (!uid.NeedsSweep)
            {
                return uid;
            }

            if (await sweep(uid))
            {
                uid.NeedsSweep = false;
                return uid;
            }

            Release(uid, clean: false);
        }
    }

    /// <summary>Returns a uid; one that was not <paramref name="clean"/> rests before reuse.</summary>
    public void Release(SandboxUid uid, bool clean)
    {
        if (clean)
        {
            _free.Enqueue(uid);
            return;
        }

        uid.NeedsSweep = true;
        _resting.Enqueue((uid, _time.GetTimestamp()));
    }

    private SandboxUid Take()
    {
        if (_free.TryDequeue(out var uid))
        {
            return uid;
        }

        if (_resting.TryPeek(out var head) && _time.GetElapsedTime(head.Since) > Rest && _resting.TryDequeue(out var rested))
        {
            return rested.Uid;
        }

        lock (_gate)
        {
            Directory.CreateDirectory(_lockDirectory);
            while (_next <= LastUid)
            {
                var candidate = _next++;
                try
                {
                    var handle = new FileStream(
                        Path.Combine(_lockDirectory, $"{candidate}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return new SandboxUid(candidate, handle);
                }
                catch (IOException)
                {
                    // Another Evolve process holds this uid; try the next one.
                }
            }
        }

        throw new InvalidOperationException($"all sandbox uids {FirstUid}-{LastUid} are in use");
    }
}
