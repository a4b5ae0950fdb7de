using Evolve.Kernel.Agents.Tools.Mcp;

namespace Evolve.Kernel.Tests.Agents.Tools.Mcp;

public sealed class McpServerConfigValidatorTests
{
    [Fact]
    public async Task StartAsync_BadNameEmptyCommandZeroTimeout_OneExceptionListingAll()
    {
        var config = new McpServerConfig("my files", " ", []) { RequestTimeout = TimeSpan.Zero, Source = "a/agent.yaml" };

        var ex = await Assert.ThrowsAsync<InputException>(() => McpToolSource.StartAsync(config, TestContext.Current.CancellationToken));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "a/agent.yaml: mcp: MCP server name 'my files' must be letters, digits, '_' or '-'",
                "a/agent.yaml: mcp: MCP server 'my files': command is empty",
                "a/agent.yaml: mcp: MCP server 'my files': request timeout must be positive (got 00:00:00)"),
            ex.Message);
    }

    [Fact]
    public void Validate_GoodConfig_DoesNotThrowAndDefaultsApply()
    {
        var config = new McpServerConfig("git-tools_2", "python3", ["server.py"]);

        var ex = Record.Exception(() => McpServerConfigValidator.Validate(config));

        Assert.Null(ex);
        Assert.Equal((TimeSpan.FromSeconds(30), "agent.yaml"), (config.RequestTimeout, config.Source));
    }
}
