namespace Evolve.Kernel.Providers.Resilience;

/// <summary>
/// A token bucket that refills continuously at <c>perMinute</c> per minute and holds at most one
/// minute's worth. Callers reserve what they need and then wait out any shortfall, so waiters are
/// served in arrival order and none starves. It reads time from a <see cref="TimeProvider"/> (the
/// limiters in System.Threading.RateLimiting run on their own system timers, which tests could only
/// sleep through), and it can be settled after the fact: the token budget reserves an estimate and
/// corrects it when the response reports real usage.
/// </summary>
internal sealed class MinuteBudget
{
    private readonly Lock _gate = new();
    private readonly double _capacity;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _available;
    private DateTimeOffset _stamp;

    public MinuteBudget(long perMinute, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        _capacity = perMinute;
        _available = perMinute;
        _time = time;
        _perSecond = perMinute / 60.0;
        _stamp = time.GetUtcNow();
    }

    /// <summary>What the bucket holds now (negative while reservations are waiting).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _available;
            }
        }
    }

    /// <summary>
    /// Takes <paramref name="amount"/> (at most a full bucket, so an oversized request waits for a full
    /// minute rather than forever), waiting as long as the bucket is short. Cancelling the wait gives
    /// the reservation back. Returns what was taken, for a later <see cref="Settle"/>.
    /// </summary>
    public async Task<long> AcquireAsync(long amount, CancellationToken cancellationToken)
    {
        var take = (long)Math.Min(amount, _capacity);
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _available -= take;
            wait = _available >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_available / _perSecond);
        }

        if (wait <= TimeSpan.Zero)
        {
            return take;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            return take;
        }
        catch (OperationCanceledException)
        {
            Settle(-take);
            throw;
        }
    }

    /// <summary>Corrects an earlier reservation: a positive <paramref name="extra"/> takes more, a negative one gives back.</summary>
    public void Settle(double extra)
    {
        lock (_gate)
        {
            Refill();
            _available = Math.Min(_capacity, _available - extra);
        }
    }

    private void Refill()
    {
        // Wall-clock time, as the server counts its per-minute windows; a clock stepping back refills nothing.
        var now = _time.GetUtcNow();
        var elapsed = Math.Max(0, (now - _stamp).TotalSeconds);
        _available = Math.Min(_capacity, _available + (elapsed * _perSecond));
        _stamp = now > _stamp ? now : _stamp;
    }
}
