using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Resilience;

/// <summary>
/// Retries transient failures (<see cref="ModelCallFailure.Transient"/> and untranslated network
/// errors) with exponential backoff and seeded jitter, honouring Retry-After. Permanent and
/// request failures, and the caller's cancellation, pass through at once. When attempts or the
/// total delay run out, the last failure is rethrown as a transient <see cref="ModelCallException"/>
/// saying so, which the run policy records as that case's error.
/// </summary>
/// <remarks>
/// Streaming is retried only while nothing has been yielded: a caller that has already seen part
/// of an answer cannot be handed a second, different answer. A stream that breaks after its first
/// update fails as transient and is not retried here; the rollout fails and is recorded, and a
/// later run can repeat it.
/// Not Polly.Core's retry strategy: a Polly pipeline retries a whole callback, so a stream could only
/// be retried "before its first update" by buffering it or by smuggling that state out of the
/// callback; and the jitter must come from the run's one seeded <see cref="Random"/>, with a cap on
/// the total delay across attempts. The loop here is short and says all of that directly.
/// </remarks>
internal sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly RetryOptions _options;
    private readonly RetryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly string _model;

    public RetryingChatClient(IChatClient innerClient, RetryOptions options, TimeProvider time, Random random, string model)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        _options = options;
        _backoff = new RetryBackoff(options, random);
        _time = time;
        _model = model;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ModelFailures.Classify(ex, cancellationToken) == ModelCallFailure.Transient)
            {
                waited += await WaitOrGiveUpAsync(ex, attempt, waited, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var yielded = false;
            Exception? failure = null;
            var stream = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await stream.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception ex) when (ModelFailures.Classify(ex, cancellationToken) == ModelCallFailure.Transient)
                    {
                        failure = yielded
                            ? throw new ModelCallException(ModelCallFailure.Transient, $"{_model}: the stream broke after part of the answer was delivered, so it is not retried: {ex.Message}", (ex as ModelCallException)?.StatusCode, null, ex)
                            : ex;
                        break;
                    }

                    yielded = true;
                    yield return stream.Current;
                }
            }

            if (failure is null)
            {
                yield break;
            }

            waited += await WaitOrGiveUpAsync(failure, attempt, waited, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits before the next attempt and returns the wait, or throws when no attempt or delay budget is left.</summary>
    private async Task<TimeSpan> WaitOrGiveUpAsync(Exception failure, int attempt, TimeSpan waited, CancellationToken cancellationToken)
    {
        if (attempt >= _options.MaxAttempts)
        {
            throw ModelFailures.GaveUp(_model, failure, attempt, "no attempts left");
        }

        var delay = _backoff.Delay(attempt, ModelFailures.RetryAfter(failure));
        if (waited + delay > _options.MaxTotalDelay)
        {
            throw ModelFailures.GaveUp(_model, failure, attempt, $"waiting {delay.TotalSeconds:0.#} s more would pass the {_options.MaxTotalDelay.TotalSeconds:0} s retry budget");
        }

        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        return delay;
    }
}
