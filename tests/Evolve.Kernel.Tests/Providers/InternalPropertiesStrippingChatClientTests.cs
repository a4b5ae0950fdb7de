using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers;

public sealed class InternalPropertiesStrippingChatClientTests
{
    private static ChatOptions OptionsWithInternals() => new()
    {
        Temperature = 0.3f,
        AdditionalProperties = new()
        {
            [ModelRequestKeys.CaseId] = "c1",
            [ModelRequestKeys.Repeat] = 2,
            [ModelRequestKeys.Heuristics] = new Dictionary<string, object?> { ["self_test"] = true },
            ["evolve.future_key"] = "x",
            ["top_k"] = 40,
        },
    };

    [Fact]
    public async Task GetResponseAsync_InternalKeys_NeverReachTheInnerClientAndTheCallersOptionsStayIntact()
    {
        var inner = new ScriptedChatClient();
        using var client = new InternalPropertiesStrippingChatClient(inner);
        var options = OptionsWithInternals();

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], options, cancellationToken: TestContext.Current.CancellationToken);

        var received = Assert.Single(inner.Received).Options!;
        Assert.Equal(["top_k"], received.AdditionalProperties!.Keys);
        Assert.Equal(0.3f, received.Temperature);
        Assert.NotSame(options, received);
        Assert.Equal(5, options.AdditionalProperties!.Count);
        Assert.Equal("c1", options.AdditionalProperties[ModelRequestKeys.CaseId]);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_InternalKeysOnMessagesAndOptions_AreRemovedFromCopies()
    {
        var inner = new ScriptedChatClient();
        using var client = new InternalPropertiesStrippingChatClient(inner);
        var message = new ChatMessage(ChatRole.User, "hi") { AdditionalProperties = new() { [ModelRequestKeys.CaseId] = "c1" } };
        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.Repeat] = 1 } };

        await client.GetStreamingResponseAsync([message], options, cancellationToken: TestContext.Current.CancellationToken).ToChatResponseAsync(cancellationToken: TestContext.Current.CancellationToken);

        var (messages, received) = Assert.Single(inner.Received);
        Assert.Null(received!.AdditionalProperties);
        Assert.Null(Assert.Single(messages).AdditionalProperties);
        Assert.Equal("hi", messages[0].Text);
        Assert.Equal("c1", message.AdditionalProperties[ModelRequestKeys.CaseId]);
    }

    [Fact]
    public async Task GetResponseAsync_NothingInternal_PassesTheSameOptionsThrough()
    {
        var inner = new ScriptedChatClient();
        using var client = new InternalPropertiesStrippingChatClient(inner);
        var options = new ChatOptions { AdditionalProperties = new() { ["top_k"] = 1 } };

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Same(options, Assert.Single(inner.Received).Options);
    }
}
