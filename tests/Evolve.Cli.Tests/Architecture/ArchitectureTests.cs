namespace Evolve.Cli.Tests.Architecture;

/// <summary>The repository as built keeps the project and namespace rules (ARCHITECTURE.md section 1).</summary>
public sealed class ArchitectureTests
{
    /// <summary>
    /// Grants that break "internals for test projects only" and are being removed under issue 10
    /// item 14 (the types they need become public or move). Shrink this list, never grow it.
    /// </summary>
    private static readonly string[] PendingInternalsVisibleTo =
    [
        "Evolve.Kernel grants InternalsVisibleTo Evolve.Core",
        "Evolve.Kernel grants InternalsVisibleTo evolve",
        "Evolve.Kernel grants InternalsVisibleTo Evolve.Bench",
        "Evolve.Core grants InternalsVisibleTo evolve",
        "Evolve.Core grants InternalsVisibleTo Evolve.Bench",
        "evolve grants InternalsVisibleTo Evolve.Bench",
    ];

    [Fact]
    public void SrcProjects_References_GoCliCoreKernelNeverBack()
    {
        var projects = RepositoryFacts.SrcProjects();

        Assert.Equal(["Evolve.Cli", "Evolve.Core", "Evolve.Kernel"], projects.Select(p => p.Name == "evolve" ? "Evolve.Cli" : p.Name).Order(StringComparer.Ordinal));
        None(ArchitectureRules.ReferencesGoDown(projects));
    }

    [Fact]
    public void Kernel_References_NoGepaMlNetOrCsvHelper()
    {
        var kernel = RepositoryFacts.SrcProjects().Single(p => p.Name == "Evolve.Kernel");

        None(ArchitectureRules.KernelStaysSmall(kernel, RepositoryFacts.KernelNamespaces()));
    }

    [Fact]
    public void SourceFiles_Namespaces_MatchFolders()
    {
        var files = RepositoryFacts.SourceFiles();

        Assert.Contains(files, f => f.Folder.Length > 0); // the walk found nested folders, not just project roots
        None(ArchitectureRules.NamespacesMatchFolders(files));
    }

    [Fact]
    public void SrcProjects_InternalsVisibleTo_OnlyTestProjectsBesidesThePendingOnes()
    {
        var tests = RepositoryFacts.TestProjects();

        Assert.Equal(["Evolve.Cli.Tests", "Evolve.Core.Tests", "Evolve.Kernel.Tests"], tests.Order(StringComparer.Ordinal));
        var violations = ArchitectureRules.InternalsOnlyForTests(RepositoryFacts.SrcProjects(), tests);
        None([.. violations.Where(v => !PendingInternalsVisibleTo.Contains(v[..v.IndexOf(':', StringComparison.Ordinal)]))]);
    }

    // Every violation in full, one a line, rather than xunit's cut-off collection.
    private static void None(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, string.Join('\n', violations));
}
