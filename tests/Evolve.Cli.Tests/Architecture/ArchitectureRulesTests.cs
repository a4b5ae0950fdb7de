namespace Evolve.Cli.Tests.Architecture;

/// <summary>Each rule fires on a deliberately broken layout, so a passing <see cref="ArchitectureTests"/> means something.</summary>
public sealed class ArchitectureRulesTests
{
    private static ProjectFacts Project(string name, params string[] references) => new(name, references, []);

    [Fact]
    public void ReferencesGoDown_KernelReferencingCoreAndCoreReferencingCli_ReportsBoth()
    {
        ProjectFacts[] projects =
        [
            Project("Evolve.Kernel", "Evolve.Core", "YamlDotNet"),
            Project("Evolve.Core", "Evolve.Kernel", "evolve"),
            Project("evolve", "Evolve.Core", "Evolve.Kernel"),
        ];

        Assert.Equal(
            ["Evolve.Kernel references Evolve.Core: references go Cli -> Core -> Kernel, never back",
             "Evolve.Core references evolve: references go Cli -> Core -> Kernel, never back"],
            ArchitectureRules.ReferencesGoDown(projects));
    }

    [Fact]
    public void ReferencesGoDown_DownwardOnly_IsClean() =>
        Assert.Empty(ArchitectureRules.ReferencesGoDown([Project("Evolve.Core", "Evolve.Kernel"), Project("evolve", "Evolve.Core")]));

    [Fact]
    public void KernelStaysSmall_MlNetCsvHelperAndAGepaNamespace_ReportsEach()
    {
        var kernel = Project("Evolve.Kernel", "Microsoft.ML.Data", "CsvHelper", "Microsoft.Extensions.AI", "CsvHelperish");

        Assert.Equal(
            ["Evolve.Kernel references Microsoft.ML.Data: the kernel has no GEPA, ML.NET or CsvHelper",
             "Evolve.Kernel references CsvHelper: the kernel has no GEPA, ML.NET or CsvHelper",
             "Evolve.Kernel has namespace Evolve.Kernel.Gepa.Search: GEPA belongs in Evolve.Core"],
            ArchitectureRules.KernelStaysSmall(kernel, ["Evolve.Kernel.Agents", "Evolve.Kernel.Gepa.Search"]));
    }

    [Fact]
    public void NamespacesMatchFolders_FileInTheWrongNamespace_IsReported()
    {
        SourceFile[] files =
        [
            new("src/Evolve.Core/Runs/RunStore.cs", "Runs", "Evolve.Core", "Evolve.Core.Runs"),
            new("src/Evolve.Core/Runs/Resume/Resumer.cs", "Runs/Resume", "Evolve.Core", "Evolve.Core.Runs"),
            new("src/Evolve.Cli/Program.cs", "", "Evolve.Cli", null),
        ];

        Assert.Equal(
            ["src/Evolve.Core/Runs/Resume/Resumer.cs: namespace Evolve.Core.Runs, expected Evolve.Core.Runs.Resume (namespaces match folders)"],
            ArchitectureRules.NamespacesMatchFolders(files));
    }

    [Fact]
    public void InternalsOnlyForTests_GrantToAProductProject_IsReported()
    {
        ProjectFacts[] projects = [new("Evolve.Kernel", [], ["Evolve.Kernel.Tests", "Evolve.Core"])];

        Assert.Equal(
            ["Evolve.Kernel grants InternalsVisibleTo Evolve.Core: only test projects may see internals"],
            ArchitectureRules.InternalsOnlyForTests(projects, new HashSet<string> { "Evolve.Kernel.Tests" }));
    }
}
