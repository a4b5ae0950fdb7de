using System.Net.Http.Headers;
using Evolve.Kernel.Providers.Http;

namespace Evolve.Kernel.Tests.Providers.Http;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Read(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RetryAfterHeader.Read(response.Headers, new FakeTimeProvider(Now));
    }

    [Fact]
    public void Read_Seconds_IsThatMany() => Assert.Equal(TimeSpan.FromSeconds(7), Read(("Retry-After", "7")));

    [Fact]
    public void Read_HttpDate_IsTheTimeUntilThen() => Assert.Equal(TimeSpan.FromSeconds(90), Read(("Retry-After", Now.AddSeconds(90).ToString("r"))));

    [Fact]
    public void Read_DateInThePast_IsZero() => Assert.Equal(TimeSpan.Zero, Read(("Retry-After", Now.AddMinutes(-5).ToString("r"))));

    [Fact]
    public void Read_RetryAfterMs_WinsOverSecondsForItsPrecision() =>
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Read(("Retry-After", "2"), ("retry-after-ms", "1500")));

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    public void Read_UnreadableMilliseconds_FallsBackToRetryAfter(string ms) =>
        Assert.Equal(TimeSpan.FromSeconds(2), Read(("Retry-After", "2"), ("retry-after-ms", ms)));

    [Fact]
    public void Read_NoHeader_IsNull() => Assert.Null(Read());
}
