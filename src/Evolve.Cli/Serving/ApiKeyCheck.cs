using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Serving;

/// <summary>Checks <c>Authorization: Bearer KEY</c> against the server's key.</summary>
internal sealed class ApiKeyCheck(string key)
{
    private const string Scheme = "Bearer ";

    // Comparing hashes in fixed time tells a guesser neither the key's length nor how much of a guess matched.
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The error to answer with, or null when the request carries the key.</summary>
    public OpenAiError? Refuse(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return OpenAiError.Unauthorized("no API key: this server needs its key in an 'Authorization: Bearer KEY' header");
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, _hash)
            ? null
            : OpenAiError.Unauthorized("the API key is not valid: send this server's key as 'Authorization: Bearer KEY'");
    }
}
