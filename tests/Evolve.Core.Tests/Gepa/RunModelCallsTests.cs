using Evolve.Core.Gepa;
using Evolve.Core.Workspace;
using Evolve.Kernel.Agents.Scheduling;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Gepa;

/// <summary>The task model as <c>evolve run</c> calls it: fewer model-call slots than rollouts in flight, shared round-robin.</summary>
public sealed class RunModelCallsTests
{
    private static GepaOptions Options(int? slots = null) => new() { Suite = "s", ModelSlots = slots, Paths = WorkspacePaths.Resolve(Path.GetTempPath()) };

    private static ChatOptions Owned(string owner) => new() { AdditionalProperties = new() { [SchedulingChatClient.OwnerKey] = owner } };

    [Fact]
    public async Task Create_RunDefaults_QueuesTheRolloutsBeyondItsSlots()
    {
        var options = Options();
        var inner = ScriptedChatClient.Gated();
        var (scheduler, client) = RunModelCalls.Create(inner, options, TimeProvider.System);

        // Every rollout in flight (the default concurrency) calls the model at once; each call is
        // queued or running by the time GetResponseAsync returns its task.
        var calls = Enumerable.Range(0, options.Concurrency).Select(i => client.GetResponseAsync("q", Owned($"candidate-{i % 4}"), TestContext.Current.CancellationToken)).ToList();

        Assert.Equal(options.Concurrency / 2, inner.StartOrder.Count);
        Assert.Equal(options.Concurrency - (options.Concurrency / 2), scheduler.QueuedCount);
        for (var i = 0; i < options.Concurrency; i++)
        {
            (await inner.NextStartedAsync()).Release();
        }

        await Task.WhenAll(calls);
        Assert.Equal(options.Concurrency, scheduler.Snapshot().Overall.Count);
        Assert.Equal(4, scheduler.Snapshot().PerOwner.Count);
    }

    [Fact]
    public async Task Create_ExplicitSlots_RunsThatManyCallsAtOnce()
    {
        var inner = ScriptedChatClient.Gated();
        var (scheduler, client) = RunModelCalls.Create(inner, Options(slots: 3), TimeProvider.System);

        var calls = Enumerable.Range(0, 5).Select(_ => client.GetResponseAsync("q", Owned("c"), TestContext.Current.CancellationToken)).ToList();

        Assert.Equal(3, inner.StartOrder.Count);
        Assert.Equal(2, scheduler.QueuedCount);
        for (var i = 0; i < 5; i++)
        {
            (await inner.NextStartedAsync()).Release();
        }

        await Task.WhenAll(calls);
    }

    [Theory]
    [InlineData(0, "--model-slots: must be between 1 and --concurrency (32), not 0")]
    [InlineData(33, "--model-slots: must be between 1 and --concurrency (32), not 33")]
    public void Validate_SlotsOutOfRange_NamesTheFlag(int slots, string message)
    {
        var error = Assert.Throws<Evolve.Kernel.InputException>(() => Options(slots).Validate());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
