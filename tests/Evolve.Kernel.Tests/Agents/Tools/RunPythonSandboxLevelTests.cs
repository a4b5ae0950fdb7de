using Evolve.Kernel.Agents;
using Evolve.Kernel.Sandbox;
using Evolve.Kernel.Tests.Sandbox;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Tools;

/// <summary>run_python runs at the level the job was given (<c>--sandbox</c>), as scoring does, not always at the best one.</summary>
public sealed class RunPythonSandboxLevelTests
{
    // Inside a pid namespace (bwrap, namespaces) /proc shows only the sandbox's few processes; on
    // the host it shows many. (The code's own pid is not a sign: setup commands use up low pids.)
    private const string Probe = "import os\nprint('pid-namespace' if sum(p.isdigit() for p in os.listdir('/proc')) < 10 else 'host-pids')";

    public static IEnumerable<TheoryDataRow<SandboxLevel>> Levels => SandboxLevels.Available;

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task Create_WithSandboxLevel_RunPythonRunsAtThatLevel(SandboxLevel level)
    {
        using var dir = new Evolve.Tests.Shared.TempDirectory();
        dir.Write("a/agent.yaml", "task: t.sbn\ntools: [run_python]\n");
        dir.Write("a/t.sbn", "{{ q }}");
        var profile = AgentProfileLoader.Load(dir.Path, "a");

        var agent = AgentDefinition.Create(profile, AgentDefinition.ReadComponents(profile), (SandboxLevel?)level);
        var tool = Assert.IsAssignableFrom<AIFunction>(Assert.Single(agent.Tools));
        var text = (await tool.InvokeAsync(new AIFunctionArguments { ["code"] = Probe }, TestContext.Current.CancellationToken))?.ToString();

        Assert.Contains(level == SandboxLevel.Process ? "host-pids" : "pid-namespace", text, StringComparison.Ordinal);
        Assert.Contains($"sandbox: {SandboxLevelNames.Name(level)}", text, StringComparison.Ordinal);
    }
}
