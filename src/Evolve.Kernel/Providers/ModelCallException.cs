namespace Evolve.Kernel.Providers;

/// <summary>
/// A failed model call in provider-neutral terms. Each provider translates its SDK's errors into
/// this at its edge, so retry, rate limiting and the run's decision to go on or stop never need to
/// know which SDK threw.
/// </summary>
public sealed class ModelCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Whether trying again can help.</param>
    /// <param name="message">What failed, for the user (names the model and the endpoint, never a key).</param>
    /// <param name="statusCode">The HTTP status, when there was a response.</param>
    /// <param name="retryAfter">The server's Retry-After, when it sent one.</param>
    /// <param name="inner">The SDK's exception.</param>
    public ModelCallException(ModelCallFailure kind, string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates a transient exception (for serializers and analyzers).</summary>
    public ModelCallException()
        : this(ModelCallFailure.Transient, "model call failed")
    {
    }

    /// <summary>Creates a transient exception (for serializers and analyzers).</summary>
    public ModelCallException(string message)
        : this(ModelCallFailure.Transient, message)
    {
    }

    /// <summary>Creates a transient exception (for serializers and analyzers).</summary>
    public ModelCallException(string message, Exception inner)
        : this(ModelCallFailure.Transient, message, inner: inner)
    {
    }

    /// <summary>Whether trying again can help.</summary>
    public ModelCallFailure Kind { get; }

    /// <summary>The HTTP status, when there was a response.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the server asked us to wait before the next call, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
