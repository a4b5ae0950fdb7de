using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Evolve.Cli.Tests.Architecture;

/// <summary>
/// The facts the rules check, read from this repository: the built src assemblies (what they
/// really reference and grant), their project files (what they ask for), and every C# file's
/// declared namespace.
/// </summary>
internal static partial class RepositoryFacts
{
    private static readonly string[] SourceRoots = ["src", "tests", "bench"];

    /// <summary>The src projects, by assembly name, with the references of both assembly and project file.</summary>
    public static IReadOnlyList<ProjectFacts> SrcProjects() =>
        [.. ProjectFiles("src").Select(csproj =>
        {
            var assembly = Assembly.Load(AssemblyName(csproj));
            var project = XDocument.Load(csproj);
            var references = assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .Concat(project.Descendants("ProjectReference").Select(r => AssemblyName(Path.Combine(Path.GetDirectoryName(csproj)!, r.Attribute("Include")!.Value))))
                .Concat(project.Descendants("PackageReference").Select(r => r.Attribute("Include")!.Value))
                .Distinct();
            var friends = assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName.Split(',')[0].Trim());
            return new ProjectFacts(assembly.GetName().Name!, [.. references], [.. friends]);
        })];

    /// <summary>Every namespace that holds a type of the kernel assembly.</summary>
    public static IReadOnlyList<string> KernelNamespaces() =>
        [.. Assembly.Load("Evolve.Kernel").GetTypes().Select(t => t.Namespace).OfType<string>().Distinct()];

    /// <summary>The assembly names of the test projects (tests/*/*.csproj).</summary>
    public static IReadOnlySet<string> TestProjects() => ProjectFiles("tests").Select(AssemblyName).ToHashSet();

    /// <summary>Every C# file of src, tests and bench (tests/Shared is rooted at Evolve.Tests.Shared).</summary>
    public static IReadOnlyList<SourceFile> SourceFiles()
    {
        var roots = SourceRoots.SelectMany(ProjectFiles)
            .Select(csproj => (Dir: Path.GetDirectoryName(csproj)!, Root: RootNamespace(csproj)))
            .Append((Dir: Path.Combine(Workspace.RepoRoot, "tests", "Shared"), Root: "Evolve.Tests.Shared"));
        return [.. from root in roots
                   from file in Directory.EnumerateFiles(root.Dir, "*.cs", SearchOption.AllDirectories)
                   let relative = Path.GetRelativePath(root.Dir, file)
                   where !relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")
                   let declared = NamespaceDeclaration().Match(File.ReadAllText(file))
                   select new SourceFile(
                       Path.GetRelativePath(Workspace.RepoRoot, file),
                       Path.GetDirectoryName(relative) ?? "",
                       root.Root,
                       declared.Success ? declared.Groups[1].Value : null)];
    }

    private static IEnumerable<string> ProjectFiles(string folder) =>
        Directory.EnumerateDirectories(Path.Combine(Workspace.RepoRoot, folder))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.csproj"))
            .Order(StringComparer.Ordinal);

    private static string AssemblyName(string csproj) =>
        XDocument.Load(csproj).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(csproj);

    private static string RootNamespace(string csproj) =>
        XDocument.Load(csproj).Descendants("RootNamespace").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(csproj);

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();
}
