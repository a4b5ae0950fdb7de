namespace Evolve.Tests.Shared.Loopback;

/// <summary>One request a loopback server received, recorded before it is answered.</summary>
/// <param name="Number">1-based arrival order over every request.</param>
/// <param name="ChatNumber">1-based order among chat requests (what faults are keyed on), or 0 for other paths.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">The URL path, for example <c>/v1/chat/completions</c>.</param>
/// <param name="Body">The raw request body.</param>
/// <param name="Headers">Request headers (last value wins).</param>
public sealed record LoopbackRequest(int Number, int ChatNumber, string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
