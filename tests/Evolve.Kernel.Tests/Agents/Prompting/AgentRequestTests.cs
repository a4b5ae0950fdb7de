using Evolve.Kernel.Agents;
using Evolve.Kernel.Agents.Memory;
using Evolve.Kernel.Agents.Prompting;
using Evolve.Kernel.Agents.Skills;
using Evolve.Kernel.Agents.Tools;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;
using TempDirectory = Evolve.Kernel.Tests.Providers.TempDirectory;

namespace Evolve.Kernel.Tests.Agents.Prompting;

public sealed class AgentRequestTests
{
    private static AgentProfile Agent(TempDirectory temp, string yamlExtra, bool withSkill = true)
    {
        var dir = Path.Combine(temp.Path, "coder");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "agent.yaml"), "system: s.sbn\ntask: t.sbn\nheuristics: h.yaml\nanswer: code\n" + yamlExtra);
        File.WriteAllText(Path.Combine(dir, "s.sbn"), "You write Python.");
        File.WriteAllText(Path.Combine(dir, "t.sbn"), "Implement {{ name }}.");
        File.WriteAllText(Path.Combine(dir, "h.yaml"), "self_test: { type: bool, value: true }\nmax_steps: { type: int, min: 1, max: 20, value: 4 }");
        if (withSkill)
        {
            Directory.CreateDirectory(Path.Combine(dir, "skills", "edge-cases"));
            File.WriteAllText(Path.Combine(dir, "skills", "edge-cases", "SKILL.md"), "---\nname: edge-cases\ndescription: Check empty and negative inputs.\n---\nList the edge cases first.\n");
        }

        return AgentProfileLoader.Load(temp.Path, "coder");
    }

    private static readonly Dictionary<string, object?> Vars = new() { ["name"] = "clamp" };

    [Fact]
    public void Load_ToolsField_ReadInOrder()
    {
        using var temp = new TempDirectory();

        var profile = Agent(temp, "tools: [run_python, read_skill]\n");

        Assert.Equal(["run_python", "read_skill"], profile.Tools);
        Assert.Empty(Agent(temp, "").Tools);
    }

    [Fact]
    public void BuildRequest_ToolsAndSkills_LayeredPromptToolsOfferedAndHashRecorded()
    {
        using var temp = new TempDirectory();
        var profile = Agent(temp, "tools: [run_python, read_skill]\n");
        var agent = AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile));

        var (messages, options) = agent.BuildRequest(Vars);

        var system = messages[0].Text;
        Assert.StartsWith("You write Python.\n\n## Tools\n- run_python: ", system, StringComparison.Ordinal);
        Assert.Contains("\n\n## Skills (load one with read_skill)\n- edge-cases: Check empty and negative inputs.", system, StringComparison.Ordinal);
        Assert.Equal("Implement clamp.", messages[1].Text);
        Assert.Equal(["run_python", "read_skill"], options.Tools!.Select(t => t.Name));
        Assert.Equal(LayeredPromptBuilder.Sha256(system), options.AdditionalProperties![PromptKeys.SystemSha256]);
    }

    [Fact]
    public void BuildRequest_NoToolsNoSkills_SystemIsTheTemplateAlone()
    {
        using var temp = new TempDirectory();
        var profile = Agent(temp, "", withSkill: false);
        var agent = AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile));

        var (messages, options) = agent.BuildRequest(Vars);

        Assert.Equal("You write Python.", messages[0].Text);
        Assert.Null(options.Tools);
    }

    [Fact]
    public void BuildRequest_WithMemory_FreezesSnapshotIntoPrompt()
    {
        using var temp = new TempDirectory();
        var profile = Agent(temp, "tools: [memory]\n", withSkill: false);
        var memory = new AgentMemory(temp.File("mem"));
        memory.Add(MemoryTarget.User, "prefers type hints");
        var agent = AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile), new ToolServices { Memory = memory });

        var (messages, _) = agent.BuildRequest(Vars);

        Assert.Contains("prefers type hints", messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ToolWithoutItsService_ThrowsNamingAgentYamlTools()
    {
        using var temp = new TempDirectory();
        var profile = Agent(temp, "tools: [search_sessions, web]\n", withSkill: false);

        var ex = Assert.Throws<InputException>(() => AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile)));

        Assert.Equal(2, ex.Errors.Count);
        Assert.All(ex.Errors, e => Assert.Equal((Path.Combine(profile.Directory, "agent.yaml"), "tools"), (e.File, e.Field)));
    }

    [Fact]
    public void Create_HostileSkill_ThrowsBeforeAnyRequest()
    {
        using var temp = new TempDirectory();
        var profile = Agent(temp, "tools: [read_skill]\n");
        File.WriteAllText(Path.Combine(profile.Directory, "skills", "edge-cases", "SKILL.md"), "---\nname: ../../etc\ndescription: x\n---\nbody");

        Assert.Throws<InputException>(() => AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile)));
    }

    [Fact]
    public async Task RunAsync_SimWithSelfTest_RunsItsCodeInTheRealSandboxBeforeAnswering()
    {
        using var temp = new TempDirectory();
        var profile = Agent(temp, "tools: [run_python]\n", withSkill: false);
        var agent = AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile));
        var (messages, options) = agent.BuildRequest(Vars);
        options.AdditionalProperties![ModelRequestKeys.CaseId] = "c1";
        var oracle = new SimOracle("c1", "def clamp(x, lo, hi):\n    return max(lo, min(x, hi))\n", SimAnswerKind.Code, [], 0.5);
        var sim = new SimChatClient(new SimSettings(3, TimeSpan.Zero, TimeSpan.Zero, null), TimeProvider.System, (caseId, _) => caseId == "c1" ? oracle : null);

        var turn = await AgentSession.RunAsync(sim, messages, options, TimeProvider.System, TestContext.Current.CancellationToken);

        var result = Assert.Single(turn.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Contains("exit code 0", result.Result?.ToString(), StringComparison.Ordinal);
        Assert.Contains("def clamp", turn.Output, StringComparison.Ordinal);
        Assert.Equal(ChatRole.Assistant, turn.Messages[^1].Role);
    }
}
