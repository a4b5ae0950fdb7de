using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools.Mcp;

/// <summary>
/// One tool of an MCP server, offered to the loop as an <see cref="AIFunction"/>: invoking it sends
/// <c>tools/call</c>. A tool-level failure (<c>isError</c>, a timeout) comes back as text starting
/// with "error:" so the model can read it and carry on, as with the built-ins.
/// </summary>
internal sealed class McpTool : AIFunction
{
    private readonly McpConnection _connection;
    private readonly string _toolName;

    public McpTool(McpConnection connection, string serverName, string toolName, string? description, JsonElement inputSchema)
    {
        _connection = connection;
        _toolName = toolName;
        Name = $"{serverName}__{toolName}";
        Description = description ?? "";
        JsonSchema = inputSchema;
    }

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema { get; }

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var args = new JsonObject();
        foreach (var (key, value) in arguments)
        {
            args[key] = value is null ? null : JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType()));
        }

        JsonElement result;
        try
        {
            result = await _connection.RequestAsync("tools/call", new JsonObject { ["name"] = _toolName, ["arguments"] = args }, cancellationToken).ConfigureAwait(false);
        }
        catch (McpException ex)
        {
            return $"error: {ex.Message}";
        }

        var text = ContentText(result);
        var isError = result.TryGetProperty("isError", out var e) && e.ValueKind == JsonValueKind.True;
        return isError ? $"error: {text}" : text;
    }

    /// <summary>Text parts joined by newlines; other parts named, since the loop only carries text.</summary>
    internal static string ContentText(JsonElement result)
    {
        var text = new StringBuilder();
        if (result.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in content.EnumerateArray())
            {
                var type = part.TryGetProperty("type", out var t) ? t.GetString() : null;
                var piece = type == "text" && part.TryGetProperty("text", out var s) ? s.GetString() : $"[{type ?? "unknown"} content omitted]";
                text.Append(text.Length > 0 ? "\n" : "").Append(piece);
            }
        }

        if (text.Length == 0 && result.TryGetProperty("structuredContent", out var structured))
        {
            text.Append(structured.GetRawText());
        }

        return text.ToString();
    }
}
