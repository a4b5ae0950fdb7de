using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Serving;

/// <summary>The request handlers of <see cref="ChatServer"/>: parsing, checking the model, and writing the answer plain or streamed.</summary>
internal sealed class CompletionEndpoint(IChatAnswerer answerer, TimeProvider time, TextWriter log, long maxRequestBytes)
{
    private long _requests;

    public Task ListModelsAsync(HttpContext http) =>
        JsonResponse.WriteAsync(http.Response, StatusCodes.Status200OK, OpenAiJson.Models(answerer.Model, time.GetUtcNow().ToUnixTimeSeconds()), http.RequestAborted);

    public async Task CompleteAsync(HttpContext http)
    {
        var arrived = time.GetUtcNow();
        var (body, tooLarge) = await RequestBody.ReadAsync(http.Request, maxRequestBytes, http.RequestAborted).ConfigureAwait(false);
        var (request, error) = tooLarge is null ? ChatCompletionRequest.Parse(body) : (null, tooLarge);
        if (request is null)
        {
            await JsonResponse.ErrorAsync(http, error!).ConfigureAwait(false);
            return;
        }

        if (request.Model != answerer.Model)
        {
            await JsonResponse.ErrorAsync(http, OpenAiError.NotFound($"the model '{request.Model}' does not exist; this server serves '{answerer.Model}'", "model", "model_not_found")).ConfigureAwait(false);
            return;
        }

        var number = Interlocked.Increment(ref _requests);
        ChatAnswer answer;
        try
        {
            answer = await answerer.AnswerAsync(request, string.Create(CultureInfo.InvariantCulture, $"{arrived:yyyyMMddTHHmmss}-{number}"), http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await JsonResponse.ErrorAsync(http, OpenAiError.Server($"'{answerer.Model}' failed: {ex.Message}")).ConfigureAwait(false);
            return;
        }

        var header = new CompletionHeader(string.Create(CultureInfo.InvariantCulture, $"chatcmpl-{arrived.ToUnixTimeSeconds()}-{number}"), arrived.ToUnixTimeSeconds(), answerer.Model, answer.Fingerprint);
        if (answerer.FingerprintHeader is { } name)
        {
            http.Response.Headers[name] = answer.Fingerprint;
        }

        await log.WriteLineAsync($"{answer.Fingerprint} answered request {number}{(request.Stream ? " (stream)" : string.Empty)}").ConfigureAwait(false);
        if (!request.Stream)
        {
            await JsonResponse.WriteAsync(http.Response, StatusCodes.Status200OK, OpenAiJson.Completion(header, answer), http.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The answer is complete before streaming (an agent's tool steps never reach the client); it is then sent in pieces.
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        foreach (var chunk in OpenAiJson.Chunks(header, answer, request.IncludeUsage))
        {
            await http.Response.WriteAsync($"data: {chunk.ToJsonString(OpenAiJson.Wire)}\n\n", http.RequestAborted).ConfigureAwait(false);
            await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }

        await http.Response.WriteAsync("data: [DONE]\n\n", http.RequestAborted).ConfigureAwait(false);
    }
}
