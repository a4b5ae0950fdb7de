namespace Evolve.Cli.Tests.Architecture;

/// <summary>The repository as built keeps the project and namespace rules (ARCHITECTURE.md section 1).</summary>
public sealed class ArchitectureTests
{
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
    public void SrcProjects_InternalsVisibleTo_OnlyTestProjects()
    {
        var tests = RepositoryFacts.TestProjects();

        Assert.Equal(["Evolve.Cli.Tests", "Evolve.Core.Tests", "Evolve.Kernel.Tests"], tests.Order(StringComparer.Ordinal));
        None(ArchitectureRules.InternalsOnlyForTests(RepositoryFacts.SrcProjects(), tests));
    }

    // Every violation in full, one a line, rather than xunit's cut-off collection.
    private static void None(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, string.Join('\n', violations));
}
