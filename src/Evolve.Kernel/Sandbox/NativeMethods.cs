using System.Runtime.InteropServices;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// The libc calls .NET has no API for: signalling a whole process group (or one process without waiting for it) (Process.Kill only
/// walks the live child tree and misses orphans re-parented to init) and chown of the work dir
/// to the unprivileged sandbox uid.
/// </summary>
internal static partial class NativeMethods
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>Sends SIGKILL to every process in the group; ignores a group that is already gone.</summary>
    public static void KillProcessGroup(int processGroupId)
    {
        if (processGroupId > 1)
        {
            _ = Kill(-processGroupId, SigKill);
        }
    }

    /// <summary>Sends SIGTERM to one process; ignores one that is already gone.</summary>
    public static void Terminate(int processId)
    {
        if (processId > 1)
        {
            _ = Kill(processId, SigTerm);
        }
    }

    /// <summary>True when this process runs as uid 0.</summary>
    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <summary>Changes owner and group of a path; throws when it fails.</summary>
    public static void ChangeOwner(string path, int uid)
    {
        if (Chown(path, uid, uid) != 0)
        {
            throw new IOException($"chown {path} to {uid} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();

    [DllImport("libc", EntryPoint = "chown", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Chown(string path, int owner, int group);
}
