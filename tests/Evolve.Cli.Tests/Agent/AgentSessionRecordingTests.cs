using Evolve.Kernel.Agents.Sessions;
using Evolve.Kernel.Library;

namespace Evolve.Cli.Tests.Agent;

/// <summary>Deployed-agent sessions are recorded with their version and prompt hash, and can be searched.</summary>
public sealed class AgentSessionRecordingTests
{
    [Fact]
    public async Task Run_TwoSessions_AreRecordedWithVersionAndFoundBySearch()
    {
        using var dir = SmallWorkspace.Create();

        await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "Tell me about Lima and llamas", "--model", "echo");
        await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "Tell me about Quito", "--model", "echo");

        var store = new SessionStore(Path.Combine(dir.Path, "prompts", "qa", ".state", "sessions.db"));
        var hits = await store.SearchAsync("llamas", 10, TestContext.Current.CancellationToken);
        var hit = Assert.Single(hits);
        var session = await store.GetSessionAsync(hit.SessionId, TestContext.Current.CancellationToken);
        var live = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = Path.Combine(dir.Path, "prompts") }).Resolve("qa")!;
        Assert.Equal([live.ToString()], session!.Artifacts);
        Assert.Equal(64, session.PromptHash.Length);
        var messages = await store.GetMessagesAsync(hit.SessionId, TestContext.Current.CancellationToken);
        Assert.Equal(["system", "user", "assistant"], messages.Select(m => m.Role));
    }

    [Fact]
    public async Task Run_AgentWithMemoryAndSessionTools_GetsThemWiredToItsOwnState()
    {
        using var dir = SmallWorkspace.Create();
        File.AppendAllText(Path.Combine(dir.Path, "prompts", "qa", "agent.yaml"), "\ntools: [memory, search_sessions, read_skill]\n");

        var run = await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "hello", "--model", "echo");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("hello" + Environment.NewLine, run.Out);
        Assert.True(File.Exists(Path.Combine(dir.Path, "prompts", "qa", ".state", "sessions.db")));
    }

    [Fact]
    public async Task Run_AgentNamingAnMcpServerThatCannotStart_IsBadInputNamingTheServer()
    {
        using var dir = SmallWorkspace.Create();
        File.AppendAllText(Path.Combine(dir.Path, "prompts", "qa", "agent.yaml"), "\nmcp:\n  - { name: files, command: /nonexistent/mcp-server }\n");

        var run = await CliRun.InvokeAsync(dir.Path, "agent", "run", "qa", "hello", "--model", "echo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mcp", run.Error, StringComparison.Ordinal);
        Assert.Contains("files", run.Error, StringComparison.Ordinal);
    }
}
