using System.Runtime.CompilerServices;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Resilience;

/// <summary>
/// Paces calls to a provider's published limits: requests per minute and tokens per minute. For
/// tokens it reserves an estimate before the call (the prompt's estimated tokens plus the requested
/// maximum output) and settles the difference once the response reports its real usage, so the
/// budget tracks what the server will count. Waits honour the caller's cancellation.
/// </summary>
internal sealed class RateLimitingChatClient : DelegatingChatClient
{
    private readonly MinuteBudget? _requests;
    private readonly MinuteBudget? _tokens;

    public RateLimitingChatClient(IChatClient innerClient, MinuteBudget? requests, MinuteBudget? tokens)
        : base(innerClient)
    {
        _requests = requests;
        _tokens = tokens;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var estimate = await AcquireAsync(list, options, cancellationToken).ConfigureAwait(false);
        ChatResponse? response = null;
        try
        {
            response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            Settle(estimate, response?.Usage);
        }
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var estimate = await AcquireAsync(list, options, cancellationToken).ConfigureAwait(false);
        UsageDetails? usage = null;
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
            {
                usage = StreamedUsage.Add(usage, update);
                yield return update;
            }
        }
        finally
        {
            Settle(estimate, usage);
        }
    }

    /// <summary>The tokens a request is expected to spend: estimated prompt plus the output it may ask for.</summary>
    internal static long Estimate(IReadOnlyList<ChatMessage> messages, ChatOptions? options) =>
        TokenEstimator.Estimate(messages) + (options?.MaxOutputTokens ?? 0);

    /// <summary>Waits for a request and the estimated tokens; returns the tokens reserved.</summary>
    private async Task<long> AcquireAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (_requests is not null)
        {
            await _requests.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is null)
        {
            return 0;
        }

        return await _tokens.AcquireAsync(Estimate(messages, options), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the estimate by the reported usage; a call without usage keeps its estimate.</summary>
    private void Settle(long estimate, UsageDetails? usage)
    {
        if (_tokens is not null && usage is { } u && (u.TotalTokenCount ?? (u.InputTokenCount + u.OutputTokenCount)) is long actual)
        {
            _tokens.Settle(actual - estimate);
        }
    }
}
