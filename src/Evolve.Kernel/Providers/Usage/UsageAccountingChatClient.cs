using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Usage;

/// <summary>
/// Records every answered request in a <see cref="UsageLedger"/> under a model id: tokens from the
/// response's <see cref="ChatResponse.Usage"/> (or its streamed <see cref="UsageContent"/>), their
/// cost by the <see cref="PriceTable"/>, and cache hits marked with <see cref="ModelResponseKeys.CacheHit"/>.
/// Sits outermost in a pipeline so it sees cached and fresh responses alike, once per logical call;
/// failed attempts inside it are counted by <see cref="AttemptAccountingChatClient"/> (see
/// <see cref="UsageLedger"/> for the whole rule).
/// </summary>
public sealed class UsageAccountingChatClient : DelegatingChatClient
{
    private readonly UsageLedger _ledger;
    private readonly string _model;
    private readonly ModelPrice? _price;

    /// <summary>Wraps <paramref name="innerClient"/>, recording into <paramref name="ledger"/> under <paramref name="model"/>.</summary>
    /// <param name="innerClient">The rest of the pipeline.</param>
    /// <param name="ledger">Where to record.</param>
    /// <param name="model">The model id, for the ledger and the price lookup.</param>
    /// <param name="prices">Prices; default <see cref="PriceTable.BuiltIn"/>.</param>
    public UsageAccountingChatClient(IChatClient innerClient, UsageLedger ledger, string model, PriceTable? prices = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrEmpty(model);
        _ledger = ledger;
        _model = model;
        // The model is fixed per client, so its price (a prefix search for versioned ids) is found once.
        _price = (prices ?? PriceTable.BuiltIn).Find(model);
    }

    /// <summary>The model id this client records under.</summary>
    public string Model => _model;

    /// <summary>US dollars for <paramref name="usage"/> on this model, or null when its price is unknown.</summary>
    public decimal? CostOf(UsageDetails? usage) =>
        _price?.Cost(usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Record(response.Usage, IsCacheHit(response.AdditionalProperties));
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        var hit = false;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            hit |= IsCacheHit(update.AdditionalProperties);
            usage = StreamedUsage.Add(usage, update);
            yield return update;
        }

        Record(usage, hit);
    }

    private void Record(UsageDetails? usage, bool cacheHit) =>
        _ledger.Record(_model, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, cacheHit, CostOf(usage));

    private static bool IsCacheHit(AdditionalPropertiesDictionary? properties) =>
        properties?.TryGetValue(ModelResponseKeys.CacheHit, out var value) == true && value is true;
}
