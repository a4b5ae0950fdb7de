using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Serving;

/// <summary>Writes the server's JSON bodies, answers and errors alike.</summary>
internal static class JsonResponse
{
    public static async Task WriteAsync(HttpResponse response, int status, JsonObject body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(OpenAiJson.Wire), cancellationToken).ConfigureAwait(false);
    }

    public static Task ErrorAsync(HttpContext http, OpenAiError error) =>
        WriteAsync(http.Response, error.Status, error.ToJson(), http.RequestAborted);
}
