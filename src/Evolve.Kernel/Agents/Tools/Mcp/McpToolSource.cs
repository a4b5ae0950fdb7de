using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools.Mcp;

/// <summary>
/// A running MCP server and the tools it offers, ready to <see cref="ToolRegistry.Add"/>. The server
/// lives until the source is disposed, which kills it.
/// </summary>
public sealed class McpToolSource : IAsyncDisposable
{
    /// <summary>The protocol revision this client speaks.</summary>
    public const string ProtocolVersion = "2025-06-18";

    private readonly McpConnection _connection;

    private McpToolSource(McpConnection connection, string name, IReadOnlyList<AIFunction> tools)
    {
        _connection = connection;
        Name = name;
        Tools = tools;
    }

    /// <summary>The server's name from agent.yaml.</summary>
    public string Name { get; }

    /// <summary>The server's tools, each named <c>&lt;server&gt;__&lt;tool&gt;</c>.</summary>
    public IReadOnlyList<AIFunction> Tools { get; }

    /// <summary>The server's process id (while it runs).</summary>
    public int ProcessId => _connection.ProcessId;

    /// <summary>
    /// Starts the server, initializes the session and lists its tools. A server that cannot be
    /// started, fails or does not answer in time, or a bad config (name not [A-Za-z0-9_-], empty
    /// command, timeout not positive), is an <see cref="InputException"/> on field <c>mcp</c>.
    /// </summary>
    public static async Task<McpToolSource> StartAsync(McpServerConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        McpServerConfigValidator.Validate(config);
        McpConnection connection;
        try
        {
            connection = McpConnection.Start(config);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            throw Invalid(config, $"could not start '{config.Command}': {ex.Message}");
        }

        try
        {
            await connection.RequestAsync("initialize", InitializeParams(), cancellationToken).ConfigureAwait(false);
            await connection.NotifyAsync("notifications/initialized", cancellationToken).ConfigureAwait(false);
            var tools = await ListToolsAsync(connection, config.Name, cancellationToken).ConfigureAwait(false);
            return new McpToolSource(connection, config.Name, tools);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (ex is McpException)
            {
                throw Invalid(config, ex.Message);
            }

            throw;
        }
    }

    /// <summary>Kills the server process.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static async Task<IReadOnlyList<AIFunction>> ListToolsAsync(McpConnection connection, string server, CancellationToken cancellationToken)
    {
        var tools = new List<AIFunction>();
        string? cursor = null;
        do
        {
            var parameters = cursor is null ? null : new JsonObject { ["cursor"] = cursor };
            var page = await connection.RequestAsync("tools/list", parameters, cancellationToken).ConfigureAwait(false);
            if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("tools", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new McpException($"MCP server '{server}': tools/list answered without a 'tools' array");
            }

            foreach (var tool in list.EnumerateArray())
            {
                var name = tool.TryGetProperty("name", out var n) ? n.GetString() : null;
                if (string.IsNullOrEmpty(name))
                {
                    throw new McpException($"MCP server '{server}': tools/list returned a tool without a name");
                }

                var description = tool.TryGetProperty("description", out var d) ? d.GetString() : null;
                var schema = tool.TryGetProperty("inputSchema", out var s) ? s.Clone() : EmptySchema;
                tools.Add(new McpTool(connection, server, name, description, schema));
            }

            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (!string.IsNullOrEmpty(cursor));
        return tools;
    }

    private static JsonObject InitializeParams() => new()
    {
        ["protocolVersion"] = ProtocolVersion,
        ["capabilities"] = new JsonObject(),
        ["clientInfo"] = new JsonObject
        {
            ["name"] = "evolve",
            ["version"] = typeof(McpToolSource).Assembly.GetName().Version?.ToString() ?? "0.0.0",
        },
    };

    private static JsonElement EmptySchema { get; } = JsonElement.Parse("""{"type":"object","properties":{}}""");

    private static InputException Invalid(McpServerConfig config, string message) =>
        new(config.Source, null, "mcp", message.StartsWith("MCP server", StringComparison.Ordinal) ? message : $"MCP server '{config.Name}': {message}");
}
