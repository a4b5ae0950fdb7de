namespace Evolve.Kernel.Sandbox;

/// <summary>One leased unprivileged uid and the file lock that reserves it machine-wide.</summary>
internal sealed class SandboxUid
{
    // Held open (never disposed) for as long as this process may use the uid.
    private readonly FileStream _lock;

    public SandboxUid(int uid, FileStream fileLock)
    {
        Uid = uid;
        _lock = fileLock;
    }

    /// <summary>The uid (also used as gid).</summary>
    public int Uid { get; }

    /// <summary>True until the first run has cleared processes a crashed earlier owner may have left.</summary>
    public bool NeedsSweep { get; set; } = true;

    /// <summary><c>setpriv</c> arguments that drop to this uid with no groups and no way back.</summary>
    public IEnumerable<string> SetprivArguments() =>
        ["setpriv", $"--reuid={Uid}", $"--regid={Uid}", "--clear-groups", "--no-new-privs"];
}
