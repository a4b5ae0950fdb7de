using Evolve.Kernel.Agents;

namespace Evolve.Kernel.Tests.Agents;

/// <summary>An agent's name and artifact paths cannot reach outside its folder.</summary>
public sealed class AgentProfilePathTests
{
    [Theory]
    [InlineData("system", "../../victim.sbn")]
    [InlineData("task", "/etc/hostname")]
    [InlineData("heuristics", "sub/../../victim.yaml")]
    public void Load_ArtifactOutsideTheAgentFolder_IsAnErrorNamingTheField(string field, string file)
    {
        using var dir = new TempDirectory();
        dir.Write("victim.sbn", "secret");
        dir.Write("victim.yaml", "secret: 1");
        var fields = new Dictionary<string, string> { ["task"] = "t.sbn", [field] = file };
        var path = dir.Write("prompts/a/agent.yaml", string.Join("\n", fields.Select(kv => $"{kv.Key}: {kv.Value}")));
        dir.Write("prompts/a/t.sbn", "{{ q }}");

        var ex = Assert.Throws<InputException>(() => AgentProfileLoader.Load(Path.Combine(dir.Path, "prompts"), "a"));

        var error = Assert.Single(ex.Errors);
        var line = fields.Keys.ToList().IndexOf(field) + 1;
        Assert.Equal((path, line, field), (error.File, error.Line, error.Field));
        Assert.Equal($"'{file}' resolves outside the agent folder {Path.Combine(dir.Path, "prompts", "a")}", error.Message);
    }

    [Fact]
    public void Load_ArtifactSymlinkLeavingTheFolder_IsAnError()
    {
        using var dir = new TempDirectory();
        var victim = dir.Write("victim.sbn", "secret");
        var path = dir.Write("prompts/a/agent.yaml", "task: t.sbn\nsystem: s.sbn\n");
        dir.Write("prompts/a/t.sbn", "{{ q }}");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "prompts/a/s.sbn"), victim);

        var error = Assert.Single(Assert.Throws<InputException>(() => AgentProfileLoader.Load(Path.Combine(dir.Path, "prompts"), "a")).Errors);

        Assert.Equal((path, 2, "system"), (error.File, error.Line, error.Field));
        Assert.Equal($"'s.sbn' is a link to {victim}, outside the agent folder", error.Message);
    }

    [Fact]
    public void Load_ArtifactSymlinkInsideTheFolder_Loads()
    {
        using var dir = new TempDirectory();
        dir.Write("prompts/a/agent.yaml", "task: t.sbn\nsystem: s.sbn\n");
        dir.Write("prompts/a/t.sbn", "{{ q }}");
        dir.Write("prompts/a/parts/system.sbn", "be brief");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "prompts/a/s.sbn"), "parts/system.sbn");

        var profile = AgentProfileLoader.Load(Path.Combine(dir.Path, "prompts"), "a");

        Assert.Equal("be brief", AgentDefinition.ReadComponents(profile)["s.sbn"]);
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("a/b")]
    [InlineData("/tmp")]
    public void Load_AgentNameThatIsAPath_IsAnError(string agent)
    {
        using var dir = new TempDirectory();
        dir.Write("outside/agent.yaml", "task: t.sbn\n");
        dir.Write("outside/t.sbn", "{{ q }}");
        dir.Write("prompts/a/b/agent.yaml", "task: t.sbn\n");
        dir.Write("prompts/a/b/t.sbn", "{{ q }}");

        var error = Assert.Single(Assert.Throws<InputException>(() => AgentProfileLoader.Load(Path.Combine(dir.Path, "prompts"), agent)).Errors);

        Assert.Equal("agent", error.Field);
        Assert.StartsWith($"'{agent}' is not an agent name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NameFieldThatIsAPath_IsAnError()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("prompts/a/agent.yaml", "name: ../../x\ntask: t.sbn\n");
        dir.Write("prompts/a/t.sbn", "{{ q }}");

        var error = Assert.Single(Assert.Throws<InputException>(() => AgentProfileLoader.Load(Path.Combine(dir.Path, "prompts"), "a")).Errors);

        Assert.Equal((path, "name"), (error.File, error.Field));
    }

    [Fact]
    public void ReadComponents_TemplateWithInvalidUtf8_NamesFileAndLine()
    {
        using var dir = new TempDirectory();
        dir.Write("prompts/a/agent.yaml", "task: t.sbn\n");
        var template = Path.Combine(dir.Path, "prompts/a/t.sbn");
        File.WriteAllBytes(template, [.. "line one\n{{ q }} caf"u8, 0xE9, .. "\n"u8]);
        var profile = AgentProfileLoader.Load(Path.Combine(dir.Path, "prompts"), "a");

        var error = Assert.Single(Assert.Throws<InputException>(() => AgentDefinition.ReadComponents(profile)).Errors);

        Assert.Equal((template, (int?)2), (error.File, error.Line));
    }
}
