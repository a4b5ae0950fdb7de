using System.Net;
using Evolve.Kernel;

namespace Evolve.Cli.Serving;

/// <summary>How <c>evolve agent serve</c> and <c>evolve models serve</c> listen and what it lets in.</summary>
internal sealed class ServeOptions
{
    private const string Source = "command line";

    /// <summary>The address to bind: an IP address or <c>localhost</c>; default 127.0.0.1.</summary>
    public string Host { get; init; } = ServeDefaults.Host;

    /// <summary>The TCP port, 0 for any free one; default 8080.</summary>
    public int Port { get; init; } = ServeDefaults.Port;

    /// <summary>
    /// The key every request must send as <c>Authorization: Bearer KEY</c>; null lets anyone in and
    /// is only allowed on a loopback address. Default: none.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest request body accepted, in bytes (larger ones get 413); default 1 MiB.</summary>
    public long MaxRequestBytes { get; init; } = ServeDefaults.MaxRequestBytes;

    /// <summary>Requests handled at once (one more gets 429 at once, not a queue); default 16.</summary>
    public int MaxConcurrentRequests { get; init; } = ServeDefaults.MaxConcurrentRequests;

    /// <summary>Throws one <see cref="InputException"/> listing every problem; returns the address to bind.</summary>
    public IPAddress Validate()
    {
        var errors = new List<InputError>();
        var address = Host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(Host, out var parsed) ? parsed
            : null;
        if (address is null)
        {
            errors.Add(new InputError(Source, null, "--host", $"'{Host}' is not an IP address or localhost"));
        }
        else if (ApiKey is null && !IPAddress.IsLoopback(address))
        {
            errors.Add(new InputError(Source, null, "--host", $"{Host} is reachable from other machines, so clients must authenticate: set --api-key or {ServeDefaults.ApiKeyVariable} (or serve on 127.0.0.1)"));
        }

        if (ApiKey is { } key && (key.Length == 0 || key.Any(char.IsWhiteSpace)))
        {
            errors.Add(new InputError(Source, null, "--api-key", "the API key must be non-empty and contain no whitespace"));
        }

        if (Port is < 0 or > 65535)
        {
            errors.Add(new InputError(Source, null, "--port", $"must be in 0-65535, not {Port}"));
        }

        if (MaxRequestBytes is < 1024 or > int.MaxValue)
        {
            errors.Add(new InputError(Source, null, "--max-request-bytes", $"must be in 1024-{int.MaxValue}, not {MaxRequestBytes}"));
        }

        if (MaxConcurrentRequests < 1)
        {
            errors.Add(new InputError(Source, null, "--max-concurrent-requests", $"must be at least 1, not {MaxConcurrentRequests}"));
        }

        return errors.Count > 0 ? throw new InputException(errors) : address!;
    }
}
