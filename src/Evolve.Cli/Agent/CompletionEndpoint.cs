using System.Globalization;
using Evolve.Kernel.Agents;
using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Agent;

/// <summary>The request handlers of <see cref="AgentServer"/>.</summary>
internal sealed class CompletionEndpoint(AgentRuntime runtime, TextWriter log, long maxRequestBytes)
{
    /// <summary>The response header naming the version that answered.</summary>
    public const string VersionHeader = "X-Evolve-Agent-Version";

    private long _requests;

    public Task ListModelsAsync(HttpContext http) =>
        JsonResponse.WriteAsync(http.Response, StatusCodes.Status200OK, OpenAiJson.Models(runtime.Agent, runtime.Time.GetUtcNow().ToUnixTimeSeconds()), http.RequestAborted);

    public async Task CompleteAsync(HttpContext http)
    {
        var arrived = runtime.Time.GetUtcNow();
        var (body, tooLarge) = await RequestBody.ReadAsync(http.Request, maxRequestBytes, http.RequestAborted).ConfigureAwait(false);
        var (request, error) = tooLarge is null ? ChatCompletionRequest.Parse(body) : (null, tooLarge);
        if (request is null)
        {
            await JsonResponse.ErrorAsync(http, error!).ConfigureAwait(false);
            return;
        }

        if (request.Model != runtime.Agent)
        {
            await JsonResponse.ErrorAsync(http, OpenAiError.NotFound($"the model '{request.Model}' does not exist; this server serves '{runtime.Agent}'", "model", "model_not_found")).ConfigureAwait(false);
            return;
        }

        // A session per request: resolving here is what makes a deploy visible to the next request.
        var number = Interlocked.Increment(ref _requests);
        var sessionId = request.User ?? string.Create(CultureInfo.InvariantCulture, $"{arrived:yyyyMMddTHHmmss}-{number}");
        // Clients never see each other's memory or sessions: the user's own, else this request's alone.
        var scope = request.User is { Length: > 0 } user ? AgentScope.ForUser(user) : AgentScope.OwnSession;
        AgentConversation? session = null;
        AgentTurn turn;
        string fingerprint;
        try
        {
            session = runtime.Begin(sessionId, scope);
            turn = await session.CompleteAsync(request.Messages, http.RequestAborted).ConfigureAwait(false);
            fingerprint = session.Version.ToString();
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await JsonResponse.ErrorAsync(http, OpenAiError.Server($"the agent failed: {ex.Message}")).ConfigureAwait(false);
            return;
        }
        finally
        {
            session?.Dispose();
        }

        var header = new CompletionHeader(string.Create(CultureInfo.InvariantCulture, $"chatcmpl-{arrived.ToUnixTimeSeconds()}-{number}"), arrived.ToUnixTimeSeconds(), runtime.Agent, fingerprint);
        http.Response.Headers[VersionHeader] = fingerprint;
        await log.WriteLineAsync($"{fingerprint} answered request {number}{(request.Stream ? " (stream)" : string.Empty)}").ConfigureAwait(false);
        if (!request.Stream)
        {
            await JsonResponse.WriteAsync(http.Response, StatusCodes.Status200OK, OpenAiJson.Completion(header, turn), http.RequestAborted).ConfigureAwait(false);
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
}
