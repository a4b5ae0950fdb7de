using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Resilience;

namespace Evolve.Kernel.Tests.Providers.Resilience;

public sealed class ModelFailuresTests
{
    public static TheoryData<Exception, ModelCallFailure?> Cases => new()
    {
        { new ModelCallException(ModelCallFailure.Permanent, "401"), ModelCallFailure.Permanent },
        { new ModelCallException(ModelCallFailure.Request, "400"), ModelCallFailure.Request },
        { new ModelCallException(ModelCallFailure.Transient, "503"), ModelCallFailure.Transient },
        { new HttpRequestException("refused"), ModelCallFailure.Transient },
        { new IOException("reset"), ModelCallFailure.Transient },
        { new TaskCanceledException("HttpClient.Timeout elapsed"), ModelCallFailure.Transient },
        { new InvalidOperationException("bug"), null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_NotCancelledByCaller_MapsToItsKind(Exception exception, ModelCallFailure? expected)
    {
        Assert.Equal(expected, ModelFailures.Classify(exception, CancellationToken.None));
    }

    [Fact]
    public void Classify_CallerCancelled_IsNotAModelFailure()
    {
        Assert.Null(ModelFailures.Classify(new TaskCanceledException(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Create_InvalidOptions_OneInputExceptionListingEveryProblem()
    {
        var options = new ModelOptions { RequestsPerMinute = 0, Timeout = TimeSpan.Zero, Retry = new RetryOptions { MaxAttempts = 0 } };

        var ex = Assert.Throws<InputException>(() => ModelFactory.Create(ModelUri.Parse("sim"), options));

        Assert.Equal(
            [
                "command line: --model: requests per minute must be at least 1, not 0",
                "command line: --model: the timeout must be positive, not 00:00:00",
                "command line: --model: retry attempts must be between 1 and 100, not 0",
            ],
            ex.Errors.Select(e => e.ToString()));
    }
}
