using System.Collections.Concurrent;
using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

/// <summary>Writers that find the lock taken wait their turn instead of failing.</summary>
public sealed class PromptLibraryQueueTests : IDisposable
{
    private const string A = LibraryFixture.Agent;
    private readonly LibraryFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public void Deploy_TenThreadsWhileTheLockIsHeld_AllWaitThenAllSucceedInTurn()
    {
        var versions = Enumerable.Range(0, 10).Select(i => _fx.Library.AddVersion(A, LibraryFixture.Variant($"v{i}"), new VersionMetadata())).ToArray();
        using var waiting = new CountdownEvent(versions.Length);
        var errors = new ConcurrentBag<Exception>();
        Thread[] threads;
        using (_fx.HoldLock())
        {
            threads = versions.Select(v => new Thread(() =>
            {
                // The default options: no test-only lock timeout.
                var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = _fx.PromptsDirectory, OnLockWait = _ => waiting.Signal() });
                try
                {
                    library.Deploy(A, v, actor: $"writer-{v}");
                }
                catch (Exception ex) when (ex is LibraryConflictException or IOException)
                {
                    errors.Add(ex);
                }
            })).ToArray();
            Array.ForEach(threads, t => t.Start());

            // Every writer has found the lock taken before it is let go.
            waiting.Wait(TestContext.Current.CancellationToken);
        }

        Array.ForEach(threads, t => t.Join());
        Assert.Empty(errors);
        var deploys = _fx.Library.Ledger(A).Where(e => e.Action == LedgerAction.Deploy).ToList();
        Assert.Equal(versions.Order(), deploys.Select(e => e.To!.Value).Order());
        Assert.Equal(Enumerable.Range(2, 10).Select(g => (long)g), deploys.Select(e => e.Generation!.Value));
        Assert.Equal(new ChannelPointer(deploys[^1].To, 11), _fx.Library.Channels(A)!.Live);
        _fx.AssertConsistent();
    }

    [Fact]
    public void Options_DefaultLockTimeout_IsLongEnoughToQueueBehindSlowWriters()
    {
        Assert.True(new PromptLibraryOptions { PromptsDirectory = "." }.LockTimeout >= TimeSpan.FromMinutes(1));
    }
}
