using System.Globalization;
using System.Text.Json.Nodes;
using Evolve.Kernel.Agents;
using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Agent;

/// <summary>The request handlers of <see cref="AgentServer"/>.</summary>
internal sealed class CompletionEndpoint(AgentRuntime runtime, TextWriter log)
{
    /// <summary>The response header naming the version that answered.</summary>
    public const string VersionHeader = "X-Evolve-Agent-Version";

    private long _requests;

    public Task ListModelsAsync(HttpContext http) =>
        WriteJsonAsync(http.Response, StatusCodes.Status200OK, OpenAiJson.Models(runtime.Agent, runtime.Time.GetUtcNow().ToUnixTimeSeconds()), http.RequestAborted);

    public static Task NotFoundAsync(HttpContext http) =>
        WriteErrorAsync(http, OpenAiError.NotFound($"no route {http.Request.Method} {http.Request.Path}; this server has GET /v1/models and POST /v1/chat/completions", null, "unknown_url"));

    public async Task CompleteAsync(HttpContext http)
    {
        var arrived = runtime.Time.GetUtcNow();
        using var reader = new StreamReader(http.Request.Body);
        var (request, error) = ChatCompletionRequest.Parse(await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false));
        if (request is null)
        {
            await WriteErrorAsync(http, error!).ConfigureAwait(false);
            return;
        }

        if (request.Model != runtime.Agent)
        {
            await WriteErrorAsync(http, OpenAiError.NotFound($"the model '{request.Model}' does not exist; this server serves '{runtime.Agent}'", "model", "model_not_found")).ConfigureAwait(false);
            return;
        }

        // A session per request: resolving here is what makes a deploy visible to the next request.
        var number = Interlocked.Increment(ref _requests);
        var sessionId = request.User ?? string.Create(CultureInfo.InvariantCulture, $"{arrived:yyyyMMddTHHmmss}-{number}");
        AgentConversation session;
        AgentTurn turn;
        try
        {
            session = runtime.Begin(sessionId);
            turn = await session.CompleteAsync(request.Messages, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await WriteErrorAsync(http, OpenAiError.Server($"the agent failed: {ex.Message}")).ConfigureAwait(false);
            return;
        }

        var fingerprint = session.Version.ToString();
        var header = new CompletionHeader(string.Create(CultureInfo.InvariantCulture, $"chatcmpl-{arrived.ToUnixTimeSeconds()}-{number}"), arrived.ToUnixTimeSeconds(), runtime.Agent, fingerprint);
        http.Response.Headers[VersionHeader] = fingerprint;
        await log.WriteLineAsync($"{fingerprint} answered request {number}{(request.Stream ? " (stream)" : string.Empty)}").ConfigureAwait(false);
        if (!request.Stream)
        {
            await WriteJsonAsync(http.Response, StatusCodes.Status200OK, OpenAiJson.Completion(header, turn), http.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The session runs to its end before streaming (tool steps never reach the client); the answer is then sent in pieces.
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        foreach (var chunk in OpenAiJson.Chunks(header, turn, request.IncludeUsage))
        {
            await http.Response.WriteAsync($"data: {chunk.ToJsonString(OpenAiJson.Wire)}\n\n", http.RequestAborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }

        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext http, OpenAiError error) =>
        WriteJsonAsync(http.Response, error.Status, error.ToJson(), http.RequestAborted);

    private static async Task WriteJsonAsync(HttpResponse response, int status, JsonObject body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(OpenAiJson.Wire), cancellationToken).ConfigureAwait(false);
    }
}
