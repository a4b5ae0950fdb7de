using Evolve.Kernel.Library;
using Evolve.Tests.Shared;

namespace Evolve.Kernel.Tests.Library;

public sealed class ShippedAgentsTests
{
    [Theory]
    [InlineData("coding")]
    [InlineData("arith")]
    [InlineData("extract")]
    public void Initialize_ShippedAgentCopy_SeedsVersionOneFromItsLiveFiles(string agent)
    {
        using var dir = new TempDirectory();
        var source = Path.Combine(RepoRoot(), "prompts", agent);
        var target = Path.Combine(dir.Path, "prompts", agent);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = Path.Combine(dir.Path, "prompts") });
        Assert.True(library.Initialize(agent));

        var seed = library.Show(agent, 1);
        Assert.NotEmpty(seed.Files);
        Assert.All(seed.Files, f => Assert.Equal(File.ReadAllText(Path.Combine(source, f.Key)), f.Value));
        Assert.Equal(library.Resolve(agent)!.Sha256, seed.Metadata.Sha256);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Evolve.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }

        return dir;
    }
}
