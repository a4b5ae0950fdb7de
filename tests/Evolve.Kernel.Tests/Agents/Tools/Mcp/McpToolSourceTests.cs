using System.Diagnostics;
using Evolve.Kernel.Agents.Tools;
using Evolve.Kernel.Agents.Tools.Mcp;

namespace Evolve.Kernel.Tests.Agents.Tools.Mcp;

public sealed class McpToolSourceTests : IDisposable
{
    private readonly FakeMcpServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task StartAsync_TwoPagesOfTools_ListsAllPrefixedWithSchemas()
    {
        await using var source = await McpToolSource.StartAsync(Config("serve"), Ct);

        Assert.Equal(["files__echo", "files__fail", "files__hang", "files__crash"], source.Tools.Select(t => t.Name));
        Assert.Equal("Echoes text.", source.Tools[0].Description);
        Assert.Equal("string", source.Tools[0].JsonSchema.GetProperty("properties").GetProperty("text").GetProperty("type").GetString());
    }

    [Fact]
    public async Task InvokeAsync_EchoTool_ReturnsTextPartsJoinedWithServerEnvironment()
    {
        var config = Config("serve") with { Environment = new Dictionary<string, string> { ["ECHO_PREFIX"] = ">> " } };
        await using var source = await McpToolSource.StartAsync(config, Ct);

        var text = await ToolInvoke.TextAsync(source.Tools[0], ("text", "hello"));

        Assert.Equal(">> hello\ndone", text);
    }

    [Fact]
    public async Task InvokeAsync_ViaRegistry_ResolvesAndCallsByPrefixedName()
    {
        await using var source = await McpToolSource.StartAsync(Config("serve"), Ct);
        var registry = new ToolRegistry(new ToolServices());
        foreach (var tool in source.Tools)
        {
            registry.Add(tool);
        }

        var echo = Assert.Single(registry.Resolve(["files__echo"], "agent.yaml"));

        Assert.Equal("x\ndone", await ToolInvoke.TextAsync(echo, ("text", "x")));
    }

    [Fact]
    public async Task InvokeAsync_ToolReportsIsError_ReturnsErrorTextInsteadOfThrowing()
    {
        await using var source = await McpToolSource.StartAsync(Config("serve"), Ct);

        var text = await ToolInvoke.TextAsync(source.Tools[1], ("text", "divide by zero"));

        Assert.Equal("error: cannot divide by zero", text);
    }

    [Fact]
    public async Task InvokeAsync_ToolNeverAnswers_ReturnsTimeoutErrorText()
    {
        var config = Config("serve") with { RequestTimeout = TimeSpan.FromSeconds(2) };
        await using var source = await McpToolSource.StartAsync(config, Ct);

        var text = await ToolInvoke.TextAsync(source.Tools[2], ("text", "x"));

        Assert.Equal("error: MCP server 'files': tools/call: no answer within 2 s", text);
    }

    [Fact]
    public async Task InvokeAsync_ServerDiesDuringCall_ReturnsExitErrorTextAndLaterCallsFailToo()
    {
        await using var source = await McpToolSource.StartAsync(Config("serve"), Ct);

        var first = await ToolInvoke.TextAsync(source.Tools[3], ("text", "x"));
        var second = await ToolInvoke.TextAsync(source.Tools[0], ("text", "x"));

        Assert.Equal("error: MCP server 'files': the server exited with code 1 before answering", first);
        Assert.StartsWith("error: MCP server 'files': ", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ServerFloodsStderr_StillInitializes()
    {
        await using var source = await McpToolSource.StartAsync(Config("noisy"), Ct);

        Assert.Equal(4, source.Tools.Count);
    }

    [Fact]
    public async Task StartAsync_ServerExitsAtOnce_InputExceptionOnMcpFieldQuotingStderr()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => McpToolSource.StartAsync(Config("exit"), Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("prompts/a/agent.yaml", "mcp"), (error.File, error.Field));
        Assert.StartsWith("MCP server 'files': ", error.Message, StringComparison.Ordinal);
        Assert.Contains("fake server: no config found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_CommandMissing_InputExceptionNamingCommand()
    {
        var config = new McpServerConfig("files", "evolve-no-such-mcp-server", []) { Source = "agent.yaml" };

        var ex = await Assert.ThrowsAsync<InputException>(() => McpToolSource.StartAsync(config, Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("mcp", error.Field);
        Assert.Contains("could not start 'evolve-no-such-mcp-server'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ServerNeverAnswers_InputExceptionAfterTimeout()
    {
        var config = Config("silent") with { RequestTimeout = TimeSpan.FromMilliseconds(300) };

        var ex = await Assert.ThrowsAsync<InputException>(() => McpToolSource.StartAsync(config, Ct));

        Assert.Equal("prompts/a/agent.yaml: mcp: MCP server 'files': initialize: no answer within 0.3 s", ex.Message);
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_KillsProcess()
    {
        var source = await McpToolSource.StartAsync(Config("serve"), Ct);
        var pid = source.ProcessId;
        Assert.False(Process.GetProcessById(pid).HasExited);

        await source.DisposeAsync();

        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private McpServerConfig Config(string mode) =>
        new("files", "python3", ["-u", _server.ScriptPath, mode]) { Source = "prompts/a/agent.yaml" };
}
