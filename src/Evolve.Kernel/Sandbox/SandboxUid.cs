namespace Evolve.Kernel.Sandbox;

/// <summary>One leased unprivileged uid and the file lock that reserves it machine-wide.</summary>
/// <param name="Uid">The uid (also used as gid).</param>
/// <param name="Lock">Held open for as long as this process may use the uid.</param>
internal sealed record SandboxUid(int Uid, FileStream Lock)
{
    /// <summary>True until the first run has cleared processes a crashed earlier owner may have left.</summary>
    public bool NeedsSweep { get; set; } = true;

    /// <summary><c>setpriv</c> arguments that drop to this uid with no groups and no way back.</summary>
    public IEnumerable<string> SetprivArguments() =>
        ["setpriv", $"--reuid={Uid}", $"--regid={Uid}", "--clear-groups", "--no-new-privs"];
}
