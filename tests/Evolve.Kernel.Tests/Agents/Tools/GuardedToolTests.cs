using Evolve.Kernel.Agents;
using Evolve.Kernel.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Tools;

public sealed class GuardedToolTests
{
    private static AgentDefinition Agent(TempDirectory dir, string permissions)
    {
        dir.Write("a/agent.yaml", $"task: t.sbn\ntools: [read_skill]\n{permissions}");
        dir.Write("a/t.sbn", "{{ q }}");
        dir.Write("a/skills/greeting/SKILL.md", "---\nname: greeting\ndescription: how to greet\n---\nSay hello.\n");
        var profile = AgentProfileLoader.Load(dir.Path, "a");
        return AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile));
    }

    private static async Task<string?> CallReadSkillAsync(AgentDefinition agent)
    {
        var tool = Assert.IsAssignableFrom<AIFunction>(Assert.Single(agent.Tools));
        var result = await tool.InvokeAsync(new AIFunctionArguments { ["name"] = "greeting" }, TestContext.Current.CancellationToken);
        return result?.ToString();
    }

    [Fact]
    public async Task Invoke_ToolTheAgentLists_RunsWhenNoRuleSaysOtherwise()
    {
        using var dir = new TempDirectory();

        var result = await CallReadSkillAsync(Agent(dir, ""));

        Assert.Contains("Say hello.", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_DenyRule_RefusesWithTheReasonAndRunsNothing()
    {
        using var dir = new TempDirectory();

        var result = await CallReadSkillAsync(Agent(dir, "permissions:\n  - { tool: read_skill, pattern: '*greeting*', action: deny }\n"));

        Assert.StartsWith("refused by the safety guard: ", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Say hello.", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AskRuleWithNobodyToAnswer_FailsClosed()
    {
        using var dir = new TempDirectory();

        var result = await CallReadSkillAsync(Agent(dir, "permissions:\n  - { tool: '*', action: ask }\n"));

        Assert.StartsWith("refused by the safety guard: ", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PermissionWithoutAction_IsAnErrorNamingTheRule()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<InputException>(() => Agent(dir, "permissions:\n  - { tool: read_skill }\n"));

        Assert.Equal("permissions[0]", ex.Errors[0].Field);
    }
}
