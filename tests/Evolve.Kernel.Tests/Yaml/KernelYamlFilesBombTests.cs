using Evolve.Kernel.Agents;
using Evolve.Kernel.Agents.Skills;
using Evolve.Kernel.Prompts;
using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Kernel.Tests.Yaml;

/// <summary>Every YAML file the kernel reads goes through the bounded reader.</summary>
public sealed class KernelYamlFilesBombTests
{
    [Fact]
    public async Task AgentProfileLoad_AliasBombInSampleVars_IsRefusedNamingAgentYaml()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a/agent.yaml", "task: t.sbn\nsample_vars:\n" + KernelYamlBomb.Anchors("  "));
        dir.Write("a/t.sbn", "{{ q }}");

        var ex = await KernelYamlBomb.Refused(() => AgentProfileLoader.Load(dir.Path, "a"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.File);
        Assert.InRange(error.Line ?? 0, 3, 12);
        Assert.StartsWith("YAML refused:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeuristicsParse_AliasBomb_IsRefusedAsABomb()
    {
        var ex = await KernelYamlBomb.Refused(() => Heuristics.Parse(KernelYamlBomb.Anchors(""), "heuristics.yaml"));

        Assert.StartsWith("YAML refused:", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkspaceModelConfigParse_AliasBomb_IsRefused()
    {
        var ex = await KernelYamlBomb.Refused(() => WorkspaceModelConfig.Parse("models:\n" + KernelYamlBomb.Anchors("  "), "evolve.yaml"));

        Assert.Equal(("evolve.yaml", "YAML refused:"), (ex.Errors[0].File, ex.Errors[0].Message[..13]));
    }

    [Fact]
    public async Task PriceTableLoad_AliasBomb_IsRefused()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("evolve.yaml", "prices:\n" + KernelYamlBomb.Anchors("  "));

        var ex = await KernelYamlBomb.Refused(() => PriceTable.LoadWorkspace(path));

        Assert.Equal((path, "YAML refused:"), (ex.Errors[0].File, ex.Errors[0].Message[..13]));
    }

    [Fact]
    public async Task SkillCatalogLoad_AliasBombInFrontMatter_IsRefusedWithTheFilesLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("skills/lol/SKILL.md", "---\nname: lol\ndescription: x\nextra:\n" + KernelYamlBomb.Anchors("  ") + "---\nbody\n");

        var ex = await KernelYamlBomb.Refused(() => SkillCatalog.Load(dir.Path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.File);
        Assert.InRange(error.Line ?? 0, 6, 15);
        Assert.StartsWith("YAML refused:", error.Message, StringComparison.Ordinal);
    }
}
