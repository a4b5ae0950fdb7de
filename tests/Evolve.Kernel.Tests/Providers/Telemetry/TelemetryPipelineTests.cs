using System.Collections.Concurrent;
using System.Diagnostics;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Telemetry;
using Evolve.Kernel.Tests.Providers.Resilience;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Telemetry;

public sealed class TelemetryPipelineTests
{
    [Fact]
    public async Task Pipeline_EachCall_EmitsOneSpanWithModelAndTokenTags()
    {
        var spans = new ConcurrentBag<Activity>();
        var marker = Guid.NewGuid().ToString("N");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EvolveTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var script = ScriptedChatClient.Script().ThenAnswer("one", input: 12, output: 5).ThenAnswer("two", input: 7, output: 2);
        var client = ModelFactory.Build(ModelUri.Parse("openai:gpt-4.1-mini"), new ModelOptions { CacheEnabled = false }, () => script);
        var options = new ChatOptions { ModelId = "gpt-4.1-mini", ConversationId = marker };

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "a")], options, TestContext.Current.CancellationToken);
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "b")], options, TestContext.Current.CancellationToken);

        var ours = spans.Where(s => s.GetTagItem("gen_ai.conversation.id") as string == marker).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(2, ours.Count);
        Assert.All(ours, s => Assert.Equal("gpt-4.1-mini", s.GetTagItem("gen_ai.request.model")));
        Assert.Equal([12, 7], ours.Select(s => Convert.ToInt32(s.GetTagItem("gen_ai.usage.input_tokens"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([5, 2], ours.Select(s => Convert.ToInt32(s.GetTagItem("gen_ai.usage.output_tokens"), System.Globalization.CultureInfo.InvariantCulture)));
    }
}
