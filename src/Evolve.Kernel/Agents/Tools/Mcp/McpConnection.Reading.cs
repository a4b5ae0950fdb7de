using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolve.Kernel.Agents.Tools.Mcp;

/// <summary>The two reader loops: responses from stdout, diagnostics from stderr.</summary>
internal sealed partial class McpConnection
{
    private async Task ReadStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                await HandleLineAsync(line).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe broke: treated as the end of the stream below.
        }

        _closed = true;
        await Task.WhenAny(_stderrReader, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        var exit = _process.WaitForExit(TimeSpan.FromSeconds(1)) ? $" with code {_process.ExitCode}" : "";
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var pending))
            {
                pending.TrySetException(Failure($"the server exited{exit} before answering"));
            }
        }
    }

    private async Task HandleLineAsync(string line)
    {
        JsonElement message;
        try
        {
            message = JsonElement.Parse(line);
        }
        catch (JsonException)
        {
            // Not ours to fail on: some servers print banners; the request times out if nothing valid follows.
            return;
        }

        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("id", out var idElement))
        {
            return; // A notification (logging, progress): nothing in this client consumes them.
        }

        if (message.TryGetProperty("method", out var method))
        {
            await AnswerServerRequestAsync(idElement, method.GetString()).ConfigureAwait(false);
            return;
        }

        if (idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out var id) || !_pending.TryRemove(id, out var pending))
        {
            return;
        }

        if (message.TryGetProperty("error", out var error))
        {
            var text = error.TryGetProperty("message", out var m) ? m.GetString() : error.GetRawText();
            pending.TrySetException(Failure($"error response: {text}"));
        }
        else
        {
            pending.TrySetResult(message.TryGetProperty("result", out var result) ? result.Clone() : default);
        }
    }

    /// <summary>Answers ping; refuses the rest (sampling, roots, elicitation), since we declared no capabilities.</summary>
    private async Task AnswerServerRequestAsync(JsonElement id, string? method)
    {
        var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()) };
        if (method == "ping")
        {
            reply["result"] = new JsonObject();
        }
        else
        {
            reply["error"] = new JsonObject { ["code"] = -32601, ["message"] = $"method not supported: {method}" };
        }

        try
        {
            await SendAsync(reply, CancellationToken.None).ConfigureAwait(false);
        }
        catch (McpException)
        {
            // The server is going away; its pending requests fail at end of stream.
        }
    }

    private async Task ReadStderrAsync()
    {
        var buffer = new char[1024];
        try
        {
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_stderr)
                {
                    _stderr.Append(buffer, 0, read);
                    if (_stderr.Length > StderrTailChars)
                    {
                        _stderr.Remove(0, _stderr.Length - StderrTailChars);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe broke: whatever was read is kept.
        }
    }
}
