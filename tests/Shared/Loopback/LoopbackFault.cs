namespace Evolve.Tests.Shared.Loopback;

/// <summary>
/// A scripted failure for one chat request. Applied in this order: wait <see cref="Delay"/>, then
/// answer <see cref="Status"/> with an error body, or a malformed body, or a body cut off after
/// <see cref="ResetAfterChunks"/> chunks with the connection aborted.
/// </summary>
public sealed record LoopbackFault
{
    /// <summary>An error status to answer with (the wire format's error body is sent), or null.</summary>
    public int? Status { get; init; }

    /// <summary>The error message inside the error body.</summary>
    public string Message { get; init; } = "scripted failure";

    /// <summary>The raw Retry-After header value (seconds or an HTTP date), or null.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>How long to wait before answering (to provoke client timeouts).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Answer 200 with a body that is not JSON.</summary>
    public bool Malformed { get; init; }

    /// <summary>Send this many chunks of a streamed answer, then go silent (keeping the connection open) until the server stops.</summary>
    public int? StallAfterChunks { get; init; }

    /// <summary>Answer 200 with exactly this body (for example JSON of the wrong shape), or null.</summary>
    public string? RawBody { get; init; }

    /// <summary>Send this many chunks of the answer (a streamed answer's events, or half a plain body), then abort the connection.</summary>
    public int? ResetAfterChunks { get; init; }

    /// <summary>Answers <paramref name="status"/>, optionally with a Retry-After header.</summary>
    public static LoopbackFault WithStatus(int status, string? retryAfter = null, string message = "scripted failure") =>
        new() { Status = status, RetryAfter = retryAfter, Message = message };
}
