namespace Evolve.Kernel.Providers.Resilience;

/// <summary>
/// Decides how a failed attempt is treated. Providers should translate their errors into
/// <see cref="ModelCallException"/>; the plain network exceptions are classified too, in case one
/// forgets, so a dropped connection is retried rather than failing a case at once.
/// </summary>
public static class ModelFailures
{
    /// <summary>
    /// The failure kind of <paramref name="exception"/>, or null when it is not a model-call failure
    /// (the caller's cancellation, or a bug) and must propagate untouched.
    /// </summary>
    public static ModelCallFailure? Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ModelCallException call => call.Kind,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,

        // HttpClient reports its own timeout as a TaskCanceledException the caller did not ask for.
        TaskCanceledException => ModelCallFailure.Transient,
        HttpRequestException or IOException or TimeoutException => ModelCallFailure.Transient,
        _ => null,
    };

    /// <summary>The server's Retry-After, when the failure carries one.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => (exception as ModelCallException)?.RetryAfter;

    /// <summary>The failure as a transient <see cref="ModelCallException"/> that says it was the last try.</summary>
    public static ModelCallException GaveUp(string model, Exception last, int attempts, string why)
    {
        var call = last as ModelCallException;
        return new ModelCallException(
            ModelCallFailure.Transient,
            $"{model}: gave up after {attempts} attempt(s) ({why}): {last.Message}",
            call?.StatusCode,
            call?.RetryAfter,
            last);
    }
}
