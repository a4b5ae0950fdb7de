using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

public sealed class SandboxUidPoolTests : IDisposable
{
    private readonly TempDirectory _locks = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task AcquireAsync_TwoPoolsSharingLockDir_NeverShareUid()
    {
        var first = new SandboxUidPool(_locks.Path, _time);
        var second = new SandboxUidPool(_locks.Path, _time);

        var a = await first.AcquireAsync(_ => Task.FromResult(true));
        var b = await second.AcquireAsync(_ => Task.FromResult(true));

        Assert.NotEqual(a.Uid, b.Uid);
        Assert.InRange(a.Uid, 60000, 64999);
    }

    [Fact]
    public async Task AcquireAsync_CleanRelease_ReusesWithoutSweep()
    {
        var pool = new SandboxUidPool(_locks.Path, _time);
        var sweeps = 0;
        var uid = await pool.AcquireAsync(_ => { sweeps++; return Task.FromResult(true); });
        pool.Release(uid, clean: true);

        var again = await pool.AcquireAsync(_ => { sweeps++; return Task.FromResult(true); });

        Assert.Same(uid, again);
        Assert.Equal(1, sweeps);
    }

    [Fact]
    public async Task AcquireAsync_DirtyRelease_RestsUidThenSweepsItAgain()
    {
        var pool = new SandboxUidPool(_locks.Path, _time);
        var dirty = await pool.AcquireAsync(_ => Task.FromResult(true));
        pool.Release(dirty, clean: false);

        var meanwhile = await pool.AcquireAsync(_ => Task.FromResult(true));
        _time.Advance(TimeSpan.FromSeconds(21));
        var swept = new List<int>();
        var rested = await pool.AcquireAsync(u => { swept.Add(u.Uid); return Task.FromResult(true); });

        Assert.NotEqual(dirty.Uid, meanwhile.Uid);
        Assert.Equal(dirty.Uid, rested.Uid);
        Assert.Equal([dirty.Uid], swept);
    }

    public void Dispose() => _locks.Dispose();
}
