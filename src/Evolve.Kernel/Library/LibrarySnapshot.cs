namespace Evolve.Kernel.Library;

/// <summary>A version with its artifact texts, checked against its recorded hash when read.</summary>
/// <param name="Metadata">The version's metadata.</param>
/// <param name="Files">Artifact file name to text.</param>
public sealed record LibrarySnapshot(LibraryVersion Metadata, IReadOnlyDictionary<string, string> Files);
