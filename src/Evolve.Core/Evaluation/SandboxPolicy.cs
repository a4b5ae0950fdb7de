using Evolve.Kernel;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Sandbox;

namespace Evolve.Core.Evaluation;

/// <summary>
/// Code written by a real model runs only under isolation (bwrap or namespaces). A plain process
/// sandbox has rlimits and a timeout but sees the user's files and network, so with a real model it
/// is refused unless the user says <c>--allow-unsandboxed</c>. The simulator and echo write no code
/// of their own (the simulator replays a case's reference solution or a corruption of it), so any
/// level is fine for them.
/// </summary>
public static class SandboxPolicy
{
    /// <summary>The flag that lifts the refusal.</summary>
    public const string AllowFlag = "--allow-unsandboxed";

    /// <summary>Throws unless code from <paramref name="modelUri"/> may run at <paramref name="level"/>.</summary>
    /// <param name="modelUri">The task model's URI (for example <c>sim</c> or <c>openai:gpt-4.1-mini</c>).</param>
    /// <param name="level">The level that will run the code, after <c>auto</c> was resolved: bwrap, namespaces or process; <c>none</c> when no case runs code.</param>
    /// <param name="allowUnsandboxed">The user passed <see cref="AllowFlag"/>.</param>
    /// <exception cref="InputException">A real model and the process level, without <paramref name="allowUnsandboxed"/>.</exception>
    public static void Check(string modelUri, string level, bool allowUnsandboxed)
    {
        ArgumentNullException.ThrowIfNull(modelUri);
        ArgumentNullException.ThrowIfNull(level);
        if (allowUnsandboxed || !string.Equals(level, SandboxLevelNames.Name(SandboxLevel.Process), StringComparison.OrdinalIgnoreCase) || IsOffline(modelUri))
        {
            return;
        }

        throw new InputException(
            "--sandbox",
            null,
            null,
            $"code from {modelUri} would run as a plain process (no filesystem or network isolation); install bubblewrap (apt install bubblewrap) or allow user namespaces, or pass {AllowFlag} to accept the risk");
    }

    private static bool IsOffline(string modelUri)
    {
        try
        {
            return ModelUri.Parse(modelUri).IsOffline;
        }
        catch (InputException)
        {
            // Not a URI this build understands: treat it as real, the safe side.
            return false;
        }
    }
}
