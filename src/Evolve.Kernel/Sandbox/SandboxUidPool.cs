using System.Collections.Concurrent;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Hands out unprivileged uids (60000 + slot) to concurrent runs when Evolve runs as root.
/// Why: RLIMIT_NPROC is the only process-count limit that needs no cgroup delegation, but the
/// kernel never applies it to uid 0 (and counts it per uid), so each concurrent run must execute
/// as its own otherwise-unused uid. A uid is leased across processes with an flock'd file (.NET
/// FileShare.None), so two Evolve processes on one machine never share a uid; within a process
/// released uids are reused and their lock kept.
/// </summary>
internal sealed class SandboxUidPool
{
    private const int FirstUid = 60000;
    private const int LastUid = 64999;

    private readonly ConcurrentBag<SandboxUid> _free = [];
    private readonly string _lockDirectory;
    private readonly Lock _gate = new();
    private int _next = FirstUid;

    public SandboxUidPool(string lockDirectory) => _lockDirectory = lockDirectory;

    /// <summary>The pool for this process, locking under the system temp dir.</summary>
    public static SandboxUidPool Shared { get; } = new(Path.Combine(Path.GetTempPath(), "evolve-sandbox-uids"));

    /// <summary>Takes a uid no other run on this machine is using.</summary>
    public SandboxUid Acquire()
    {
        if (_free.TryTake(out var uid))
        {
            return uid;
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
                        Path.Combine(_lockDirectory, $"{candidate}.lock"),
                        FileMode.OpenOrCreate,
                        FileAccess.ReadWrite,
                        FileShare.None);
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

    /// <summary>Returns a uid for reuse by a later run.</summary>
    public void Release(SandboxUid uid) => _free.Add(uid);
}
