namespace Evolve.Kernel.Library;

/// <summary>What an agent's live channel serves right now, for a reader (eval, run, compare) to score.</summary>
/// <param name="Files">Artifact file name to text.</param>
/// <param name="Version">The committed live version, or null before the library has any history (the files are the live files as they are).</param>
/// <param name="HandEdited">True when the live files were edited by hand since <paramref name="Version"/> was deployed and these are the edited files.</param>
public sealed record LibraryLiveFiles(IReadOnlyDictionary<string, string> Files, ResolvedVersion? Version, bool HandEdited);
