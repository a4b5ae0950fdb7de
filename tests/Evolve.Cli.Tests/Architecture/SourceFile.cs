namespace Evolve.Cli.Tests.Architecture;

/// <summary>
/// A C# file: <paramref name="Path"/> for messages, <paramref name="Folder"/> its folder relative to
/// its project (empty at the top), the project's root namespace, and the namespace the file
/// declares (null when it declares none, as top-level statements do).
/// </summary>
internal sealed record SourceFile(string Path, string Folder, string RootNamespace, string? DeclaredNamespace);
