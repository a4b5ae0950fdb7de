namespace Evolve.Kernel.Library;

/// <summary>The version a session should use, to resolve once at session start and keep.</summary>
/// <param name="Agent">The agent.</param>
/// <param name="Version">The version number.</param>
/// <param name="Channel">The channel that supplied it (live unless the canary was picked).</param>
/// <param name="Sha256">The version's hash, to record with the session as <c>agent@version#sha</c>.</param>
public sealed record ResolvedVersion(string Agent, int Version, LibraryChannel Channel, string Sha256)
{
    /// <summary>The label a session records: <c>agent@version#first-12-hex</c>.</summary>
    public override string ToString() => $"{Agent}@{Version}#{Sha256[..12]}";
}
