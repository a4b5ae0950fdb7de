namespace Evolve.Kernel.Library;

/// <summary>A pointer into an agent's version history.</summary>
public enum LibraryChannel
{
    /// <summary>The version every session uses by default; its files are the live files in <c>prompts/&lt;agent&gt;/</c>.</summary>
    Live,

    /// <summary>A candidate served to a configured share of sessions, chosen by a stable hash of the session id.</summary>
    Canary,
}
