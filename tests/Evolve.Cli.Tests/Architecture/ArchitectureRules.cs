namespace Evolve.Cli.Tests.Architecture;

/// <summary>
/// The project rules of ARCHITECTURE.md section 1 and STYLE.md as checks over plain facts, so a
/// test can feed them a deliberately broken layout and see each rule fire. Each returns one line
/// per violation; none means the rule holds.
/// </summary>
internal static class ArchitectureRules
{
    /// <summary>The layers, lowest first: a project may reference only layers below it.</summary>
    public static IReadOnlyList<string> Layers { get; } = ["Evolve.Kernel", "Evolve.Core", "evolve"];

    /// <summary>Name prefixes the embeddable kernel must not depend on (the optimizer and its data tooling live in Core).</summary>
    public static IReadOnlyList<string> KernelForbidden { get; } = ["Evolve.Core", "evolve", "Microsoft.ML", "CsvHelper"];

    /// <summary>References go Cli -> Core -> Kernel, never back or sideways.</summary>
    public static IReadOnlyList<string> ReferencesGoDown(IEnumerable<ProjectFacts> projects) =>
        [.. from p in projects
            let layer = IndexOf(p.Name)
            where layer >= 0
            from r in p.References
            let target = IndexOf(r)
            where target >= layer
            select $"{p.Name} references {r}: references go Cli -> Core -> Kernel, never back"];

    /// <summary>The kernel has no GEPA, ML.NET or CsvHelper: no reference to them and no namespace named for GEPA.</summary>
    public static IReadOnlyList<string> KernelStaysSmall(ProjectFacts kernel, IEnumerable<string> kernelNamespaces) =>
        [.. kernel.References
            .Where(r => KernelForbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)))
            .Select(r => $"{kernel.Name} references {r}: the kernel has no GEPA, ML.NET or CsvHelper"),
         .. kernelNamespaces
            .Where(n => n.Split('.').Contains("Gepa", StringComparer.OrdinalIgnoreCase))
            .Distinct()
            .Select(n => $"{kernel.Name} has namespace {n}: GEPA belongs in Evolve.Core")];

    /// <summary>Each file's namespace is its project's root namespace plus its folders.</summary>
    public static IReadOnlyList<string> NamespacesMatchFolders(IEnumerable<SourceFile> files) =>
        [.. from f in files
            let folders = f.Folder.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries)
            let expected = string.Join('.', [f.RootNamespace, .. folders])
            where f.DeclaredNamespace is not null && f.DeclaredNamespace != expected
            select $"{f.Path}: namespace {f.DeclaredNamespace}, expected {expected} (namespaces match folders)"];

    /// <summary>Internals are open to test projects only.</summary>
    public static IReadOnlyList<string> InternalsOnlyForTests(IEnumerable<ProjectFacts> projects, IReadOnlySet<string> testProjects) =>
        [.. from p in projects
            from friend in p.InternalsVisibleTo
            where !testProjects.Contains(friend)
            select $"{p.Name} grants InternalsVisibleTo {friend}: only test projects may see internals"];

    private static int IndexOf(string name)
    {
        for (var i = 0; i < Layers.Count; i++)
        {
            if (Layers[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
