using Evolve.Kernel.Agents;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents;

public sealed class AgentProfileLoaderTests
{
    [Fact]
    public void Load_CompleteAgent_ReadsEveryField()
    {
        using var dir = new TempDirectory();
        dir.Write("coding/agent.yaml", """
            name: coding
            description: writes functions
            system: system.sbn
            task: task.sbn
            heuristics: heuristics.yaml
            answer: code
            sample_vars: { signature: "def f()", task: "x" }
            """);
        dir.Write("coding/system.sbn", "You write Python.");
        dir.Write("coding/task.sbn", "Implement {{ signature }}: {{ task }}");
        dir.Write("coding/heuristics.yaml", "temperature: { type: float, min: 0, max: 1, value: 0.3 }");

        var profile = AgentProfileLoader.Load(dir.Path, "coding");

        Assert.Equal(SimAnswerKind.Code, profile.Answer);
        Assert.Equal("system.sbn", profile.PrimaryComponent);
        Assert.Equal(["system.sbn", "task.sbn", "heuristics.yaml"], profile.ComponentFiles);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("shared_memory: true\n", true)]
    [InlineData("shared_memory: false\n", false)]
    public void Load_SharedMemory_IsOffUnlessDeclared(string line, bool shared)
    {
        using var dir = new TempDirectory();
        dir.Write("qa/agent.yaml", "task: t.sbn\n" + line);
        dir.Write("qa/t.sbn", "{{ q }}");

        Assert.Equal(shared, AgentProfileLoader.Load(dir.Path, "qa").SharedMemory);
    }

    [Fact]
    public void Load_MissingAgent_ListsTheAgentsThatExist()
    {
        using var dir = new TempDirectory();
        dir.Write("alpha/agent.yaml", "task: t.sbn");
        dir.Write("alpha/t.sbn", "{{ q }}");

        var ex = Assert.Throws<InputException>(() => AgentProfileLoader.Load(dir.Path, "beta"));

        Assert.Contains("agents: alpha", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFieldAndMissingFiles_AreErrorsWithLineOrField()
    {
        using var dir = new TempDirectory();
        dir.Write("a/agent.yaml", "task: t.sbn\nsystm: s.sbn\n");

        var typo = Assert.Throws<InputException>(() => AgentProfileLoader.Load(dir.Path, "a"));
        Assert.Equal(2, typo.Errors[0].Line);

        dir.Write("a/agent.yaml", "task: missing.sbn\nanswer: poem\n");
        var missing = Assert.Throws<InputException>(() => AgentProfileLoader.Load(dir.Path, "a"));
        Assert.Equal(["task", "answer"], missing.Errors.Select(e => e.Field));
    }

    [Fact]
    public void BuildRequest_RendersSystemAndTask_AndCarriesHeuristics()
    {
        using var dir = new TempDirectory();
        dir.Write("a/agent.yaml", "system: s.sbn\ntask: t.sbn\nheuristics: h.yaml\n");
        dir.Write("a/s.sbn", "Be exact.");
        dir.Write("a/t.sbn", "Q: {{ q }}");
        dir.Write("a/h.yaml", "temperature: { type: float, min: 0, max: 1, value: 0.25 }\nself_test: { type: bool, value: true }");
        var profile = AgentProfileLoader.Load(dir.Path, "a");
        var agent = AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile));

        var (messages, options) = agent.BuildRequest(new Dictionary<string, object?> { ["q"] = "2+2" });

        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal("Q: 2+2", messages[1].Text);
        Assert.Equal(0.25f, options.Temperature);
        var knobs = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(options.AdditionalProperties![ModelRequestKeys.Heuristics]);
        Assert.Equal(true, knobs["self_test"]);
    }

    [Fact]
    public void MissingVars_Empty_RendersAMissingVarEmpty_ErrorByDefault_OtherValuesRefused()
    {
        using var dir = new TempDirectory();
        dir.Write("lenient/agent.yaml", "task: t.sbn\nmissing_vars: empty\n");
        dir.Write("lenient/t.sbn", "Hi {{ name }}{{ title }}!");
        dir.Write("strict/agent.yaml", "task: t.sbn\n");
        dir.Write("strict/t.sbn", "Hi {{ name }}{{ title }}!");
        dir.Write("bad/agent.yaml", "task: t.sbn\nmissing_vars: blank\n");
        dir.Write("bad/t.sbn", "Hi");
        var vars = new Dictionary<string, object?> { ["name"] = "Ada" };
        string Task(string agent) => AgentDefinition.Create(AgentProfileLoader.Load(dir.Path, agent), AgentDefinition.ReadComponents(AgentProfileLoader.Load(dir.Path, agent))).BuildRequest(vars).Messages[^1].Text;

        Assert.Equal("Hi Ada!", Task("lenient"));
        Assert.Throws<InputException>(() => Task("strict"));
        var error = Assert.Single(Assert.Throws<InputException>(() => AgentProfileLoader.Load(dir.Path, "bad")).Errors);
        Assert.Equal(("missing_vars", 2), (error.Field, error.Line));
    }
}
