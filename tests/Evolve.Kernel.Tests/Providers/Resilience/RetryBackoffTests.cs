using Evolve.Kernel.Providers.Resilience;

namespace Evolve.Kernel.Tests.Providers.Resilience;

public sealed class RetryBackoffTests
{
    private static readonly RetryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };

    [Fact]
    public void Delay_SameSeed_SameDelays()
    {
        var a = new RetryBackoff(Options, new Random(42));
        var b = new RetryBackoff(Options, new Random(42));

        var first = Enumerable.Range(1, 5).Select(i => a.Delay(i, null)).ToList();
        var second = Enumerable.Range(1, 5).Select(i => b.Delay(i, null)).ToList();

        Assert.Equal(first, second);
        Assert.Equal(5, first.Distinct().Count());
    }

    [Theory]
    [InlineData(1, 0.5, 1)]
    [InlineData(2, 1, 2)]
    [InlineData(3, 2, 4)]
    [InlineData(10, 4, 8)]
    public void Delay_Attempt_IsWithinHalfToFullExponentialStepCappedAtMax(int attempt, double low, double high)
    {
        var backoff = new RetryBackoff(Options, new Random(attempt));

        var delay = backoff.Delay(attempt, null);

        Assert.InRange(delay.TotalSeconds, low, high);
    }

    [Fact]
    public void Delay_RetryAfterLongerThanBackoff_WaitsRetryAfterButNoMoreThanMax()
    {
        var backoff = new RetryBackoff(Options, new Random(1));

        Assert.Equal(TimeSpan.FromSeconds(6), backoff.Delay(1, TimeSpan.FromSeconds(6)));
        Assert.Equal(TimeSpan.FromSeconds(8), backoff.Delay(1, TimeSpan.FromMinutes(3)));
    }
}
