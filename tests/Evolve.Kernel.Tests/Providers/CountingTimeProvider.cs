namespace Evolve.Kernel.Tests.Providers;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also counts timer callbacks, for tests that must see
/// the moment a wait ends (a finished delay resumes its caller asynchronously, so the caller's
/// task is not yet a reliable signal).
/// </summary>
internal sealed class CountingTimeProvider : FakeTimeProvider
{
    private int _fired;

    /// <summary>How many timer callbacks have run so far.</summary>
    public int Fired => Volatile.Read(ref _fired);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            },
            state,
            dueTime,
            period);
}
