using Microsoft.AspNetCore.Http;

namespace Evolve.Cli.Serving;

/// <summary>Reads a request body up to a size limit, refusing a larger one before it is buffered.</summary>
internal static class RequestBody
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>The body, or a 413 (too large) or 400 (unreadable) error.</summary>
    public static async Task<(ReadOnlyMemory<byte> Body, OpenAiError? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        // A declared length over the limit is refused unread; a chunked body is counted as it arrives.
        if (request.ContentLength > limit)
        {
            return (default, OpenAiError.TooLarge(limit));
        }

        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkSize, limit));
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (default, OpenAiError.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own cap (set to the same limit) is the backstop for any read that passes ours.
            return (default, OpenAiError.TooLarge(limit));
        }
        catch (BadHttpRequestException ex)
        {
            return (default, OpenAiError.BadRequest($"the request body could not be read: {ex.Message}", null));
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }
}
