using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Serving;

/// <summary>
/// The server's few routes, matched by path then method: a known path with another method is 405
/// naming the right one, any other path 404, both as OpenAI-style JSON (file-like paths included,
/// which the routing fallback would leave to an empty 404).
/// </summary>
internal sealed class RouteTable(IReadOnlyList<(string Method, string Path, RequestDelegate Handler)> routes)
{
    public Task DispatchAsync(HttpContext http)
    {
        var path = http.Request.Path.Value?.TrimEnd('/') ?? "";
        var method = http.Request.Method;
        var onPath = routes.Where(r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase)).ToList();
        if (onPath.FirstOrDefault(r => HttpMethods.Equals(r.Method, method)) is { Handler: { } handler })
        {
            return handler(http);
        }

        if (onPath.Count > 0)
        {
            var allowed = string.Join(", ", onPath.Select(r => r.Method));
            http.Response.Headers.Allow = allowed;
            return JsonResponse.ErrorAsync(http, OpenAiError.MethodNotAllowed(method, path, allowed));
        }

        var known = string.Join(" and ", routes.Select(r => $"{r.Method} {r.Path}"));
        return JsonResponse.ErrorAsync(http, OpenAiError.NotFound($"no route {method} {http.Request.Path}; this server has {known}", null, "unknown_url"));
    }
}
