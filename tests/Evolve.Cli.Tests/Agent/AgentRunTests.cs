using Evolve.Kernel.Library;

namespace Evolve.Cli.Tests.Agent;

/// <summary><c>evolve agent run</c> in-process with the real model factory.</summary>
public sealed class AgentRunTests
{
    [Fact]
    public async Task Run_EchoModel_PrintsAnswerAndNamesVersionAndModelOnStderr()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "What is the capital of Peru?", "--model", "echo");

        var live = Library(dir).Resolve("qa")!.ToString();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("What is the capital of Peru?" + Environment.NewLine, run.Out);
        Assert.Contains($"version: {live} (live)", run.Error, StringComparison.Ordinal);
        Assert.Contains("model: echo", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("qa@", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DefaultModel_SaysItIsTheSimulator()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "hello");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("model: sim (offline simulator", run.Error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(run.Out));
    }

    [Fact]
    public async Task Run_AfterDeployAndCanary_EachChannelNamesItsVersion()
    {
        using var dir = SmallWorkspace.Create();
        var library = Library(dir);
        library.Initialize("qa");
        var files = new Dictionary<string, string> { ["system.sbn"] = "Be brief.", ["task.sbn"] = "{{ country }}?" };
        var two = library.AddVersion("qa", files, new VersionMetadata());
        var three = library.AddVersion("qa", files.ToDictionary(f => f.Key, f => f.Value + " "), new VersionMetadata());
        library.Deploy("qa", two);
        library.Deploy("qa", three, LibraryChannel.Canary);

        var live = await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "hi", "-m", "echo");
        var canary = await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "hi", "-m", "echo", "--channel", "canary");

        Assert.Contains($"version: qa@{two}#", live.Error, StringComparison.Ordinal);
        Assert.Contains($"version: qa@{three}#", canary.Error, StringComparison.Ordinal);
        Assert.Contains("(canary)", canary.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownAgent_ExitsWithBadInputNamingTheAgents()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "agent", "run", "nope", "hi");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("agent 'nope' not found (agents: qa)", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Run_BadModelUri_ExitsWithBadInput()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "hi", "--model", "nosuchprovider:x");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--model", run.Error, StringComparison.Ordinal);
    }

    private static PromptLibrary Library(TempDirectory dir) =>
        new(new PromptLibraryOptions { PromptsDirectory = Path.Combine(dir.Path, "prompts") });
}
