namespace Evolve.Kernel.Sandbox;

/// <summary>How strongly untrusted code is contained. Ordered weakest to strongest.</summary>
public enum SandboxLevel
{
    /// <summary>A plain child process with rlimits and a timeout; no filesystem or network isolation.</summary>
    Process = 0,

    /// <summary><c>unshare</c> namespaces (user, pid, net, mount) without bubblewrap.</summary>
    Namespaces = 1,

    /// <summary>Bubblewrap: new user, pid and net namespaces, read-only system, private tmpfs work dir.</summary>
    Bwrap = 2,
}
