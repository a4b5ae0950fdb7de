using Evolve.Kernel.Agents.Scheduling;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Scheduling;

/// <summary>A scheduler, a gated scripted inner client and the scheduling client between them.</summary>
internal sealed class SchedulingRig
{
    public SchedulingRig(int slots, SchedulingDiscipline discipline = SchedulingDiscipline.Fifo, TimeProvider? time = null)
    {
        Scheduler = new ModelCallScheduler(new ModelCallSchedulerOptions { Slots = slots, Discipline = discipline }, time);
        Client = new SchedulingChatClient(Inner, Scheduler);
    }

    public ScriptedChatClient Inner { get; } = ScriptedChatClient.Gated();

    public ModelCallScheduler Scheduler { get; }

    public SchedulingChatClient Client { get; }

    /// <summary>Sends one request named <paramref name="name"/>; when this returns, it has either started or been queued.</summary>
    public Task<ChatResponse> Ask(string name, string? owner) => AskCancellable(name, owner, TestContext.Current.CancellationToken);

    /// <summary>Like <see cref="Ask"/>, cancelled by <paramref name="cancellationToken"/>.</summary>
    public Task<ChatResponse> AskCancellable(string name, string? owner, CancellationToken cancellationToken) =>
        Client.GetResponseAsync([new ChatMessage(ChatRole.User, name)], Options(owner), cancellationToken);

    public static ChatOptions? Options(string? owner) =>
        owner is null ? null : new ChatOptions { AdditionalProperties = new() { [SchedulingChatClient.OwnerKey] = owner } };

    /// <summary>Releases calls one at a time as they start, until <paramref name="count"/> have run; returns the start order.</summary>
    public async Task<IReadOnlyList<string>> DrainAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            (await Inner.NextStartedAsync()).Release();
        }

        return Inner.StartOrder;
    }
}
