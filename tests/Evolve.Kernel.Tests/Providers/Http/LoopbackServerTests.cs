using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Http;

/// <summary>The loopback server holds up under the concurrency the benchmarks use.</summary>
public sealed class LoopbackServerTests
{
    [Fact]
    public async Task OpenAi_ManyConcurrentClientsWithADelay_AreAllAnsweredInParallel()
    {
        await using var server = LoopbackServer.OpenAi();
        server.ResponseDelay = TimeSpan.FromMilliseconds(100);
        server.Answer = request => new LoopbackAnswer("answer " + request.ChatNumber);
        var ledger = new UsageLedger();
        var environment = new Dictionary<string, string> { ["OPENAI_BASE_URL"] = server.Root + "/v1" };
        using var client = ModelFactory.Create(
            ModelUri.Parse("openai:bench?cache=0"),
            new ModelOptions { Usage = ledger, EnvironmentVariables = environment.GetValueOrDefault });
        using var gate = new SemaphoreSlim(64);

        var answers = await Task.WhenAll(Enumerable.Range(0, 256).Select(async i =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return (await client.GetResponseAsync($"question {i}", cancellationToken: TestContext.Current.CancellationToken)).Text;
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Equal(256, answers.Distinct().Count());
        // Request numbers and chat numbers are drawn separately, so concurrent arrivals may interleave: compare as sets.
        Assert.Equal(Enumerable.Range(1, 256), server.ChatRequests.Select(r => r.ChatNumber).Order());
        Assert.True(server.MaxInFlight >= 16, $"at most {server.MaxInFlight} requests were answered at once");
        Assert.Equal((256L, 256L * 11, 256L * 7), (ledger.Total.Calls, ledger.Total.InputTokens, ledger.Total.OutputTokens));
    }
}
