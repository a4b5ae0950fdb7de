using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Configuration;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Http;

/// <summary>
/// How every real provider reports a failed call: always a <see cref="ModelCallException"/> of the
/// right kind, with the status and Retry-After, after exactly one request (the SDKs' own retries are off).
/// </summary>
public abstract class LoopbackFailureTests : LoopbackProviderTests
{
    /// <summary>The variable that holds the key, named in the 401 message.</summary>
    protected abstract string KeyHint { get; }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task GetResponseAsync_Unauthorized_IsPermanentAndNamesTheKeyVariable(int status)
    {
        Server.Fault(1, LoopbackFault.WithStatus(status, message: "bad key sk-abcdef"));

        var error = await FailAsync(streaming: false);

        Assert.Equal(ModelCallFailure.Permanent, error.Kind);
        Assert.Equal(status, error.StatusCode);
        Assert.StartsWith($"wrong or missing key for {Scheme} at {Endpoint} ({status}; set {KeyHint})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetResponseAsync_UnknownModel_IsPermanentAndNamesTheModel(bool streaming)
    {
        Server.Fault(1, LoopbackFault.WithStatus(404, message: "model 'nope' does not exist"));

        var error = await FailAsync(streaming);

        Assert.Equal(ModelCallFailure.Permanent, error.Kind);
        Assert.StartsWith($"model '{Model}' not found at {Endpoint} (404: model 'nope' does not exist)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetResponseAsync_RateLimitedWithSeconds_IsTransientWithRetryAfter(bool streaming)
    {
        Server.Fault(1, LoopbackFault.WithStatus(429, retryAfter: "7"));

        var error = await FailAsync(streaming);

        Assert.Equal((ModelCallFailure.Transient, 429, TimeSpan.FromSeconds(7)), (error.Kind, error.StatusCode, error.RetryAfter));
        Assert.Single(Server.ChatRequests);
    }

    [Fact]
    public async Task GetResponseAsync_RateLimitedWithAnHttpDate_IsTransientWithTheTimeLeft()
    {
        var time = new FakeTimeProvider();
        Server.Fault(1, LoopbackFault.WithStatus(429, retryAfter: time.GetUtcNow().AddSeconds(30).ToString("R")));

        var error = await FailAsync(streaming: false, time);

        Assert.Equal((ModelCallFailure.Transient, 429, TimeSpan.FromSeconds(30)), (error.Kind, error.StatusCode, error.RetryAfter));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task GetResponseAsync_ServerError_IsTransientAndNotRetriedByTheSdk(int status)
    {
        Server.Fault(1, LoopbackFault.WithStatus(status));

        var error = await FailAsync(streaming: false);

        Assert.Equal((ModelCallFailure.Transient, status, (TimeSpan?)null), (error.Kind, error.StatusCode, error.RetryAfter));
        Assert.Single(Server.ChatRequests);
    }

    [Fact]
    public async Task GetResponseAsync_BadRequest_IsARequestFailureWithTheServersWords()
    {
        Server.Fault(1, LoopbackFault.WithStatus(400, message: "prompt is too long"));

        var error = await FailAsync(streaming: false);

        Assert.Equal((ModelCallFailure.Request, 400), (error.Kind, error.StatusCode));
        Assert.Contains("prompt is too long", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetResponseAsync_MalformedJson_IsTransient(bool streaming)
    {
        Server.Fault(1, new LoopbackFault { Malformed = true });

        var error = await FailAsync(streaming);

        Assert.Equal(ModelCallFailure.Transient, error.Kind);
        Assert.Null(error.StatusCode);
    }

    [Theory]
    [InlineData("{\"unexpected\": true}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task GetResponseAsync_JsonOfTheWrongShape_IsTransient(string body)
    {
        Server.Fault(1, new LoopbackFault { RawBody = body });

        var error = await FailAsync(streaming: false);

        Assert.Equal(ModelCallFailure.Transient, error.Kind);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task GetResponseAsync_ConnectionResetMidAnswer_IsTransient(bool streaming, int chunks)
    {
        Server.Fault(1, new LoopbackFault { ResetAfterChunks = chunks });

        var error = await FailAsync(streaming);

        Assert.Equal(ModelCallFailure.Transient, error.Kind);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task GetResponseAsync_ConnectionRefused_IsTransientAndSaysTheHostCannotBeReached()
    {
        var port = LoopbackServer.UnusedPort();
        var environment = EnvironmentFor(Server);
        foreach (var key in environment.Keys.Where(k => k.EndsWith("_URL", StringComparison.Ordinal) || k.EndsWith("_HOST", StringComparison.Ordinal)).ToList())
        {
            environment[key] = environment[key].Replace($":{Server.Port}", $":{port}", StringComparison.Ordinal);
        }

        using var client = Create(environment: environment);
        var error = Innermost(await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("Say OK", cancellationToken: Token)));

        Assert.Equal(ModelCallFailure.Transient, error.Kind);
        Assert.StartsWith($"cannot reach {Scheme} at http://127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_NoAnswerWithinTheTimeout_IsTransientAndSaysHowLongItWaited()
    {
        Server.Fault(1, new LoopbackFault { Delay = TimeSpan.FromSeconds(20) });
        var workspace = WorkspaceModelConfig.Parse($"models:\n  {Scheme}:\n    timeout: 300ms\n", "evolve.yaml");
        using var client = Create(workspace: workspace);

        var error = Innermost(await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("Say OK", cancellationToken: Token)));

        Assert.Equal(ModelCallFailure.Transient, error.Kind);
        Assert.Equal($"no answer from {Scheme} at {Endpoint} within 0.3s", error.Message);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamGoesSilent_IsTransientAfterTheTimeout()
    {
        Server.Fault(1, new LoopbackFault { StallAfterChunks = 2 });
        var workspace = WorkspaceModelConfig.Parse($"models:\n  {Scheme}:\n    timeout: 300ms\n", "evolve.yaml");
        using var client = Create(workspace: workspace);

        var error = Innermost(await Assert.ThrowsAsync<ModelCallException>(async () => await client.GetStreamingResponseAsync("Say OK", cancellationToken: Token).ToListAsync(Token)));

        Assert.Equal(ModelCallFailure.Transient, error.Kind);
        Assert.Equal($"no answer from {Scheme} at {Endpoint} within 0.3s", error.Message);
    }

    [Fact]
    public async Task GetResponseAsync_CallerCancels_ThrowsOperationCanceledNotAModelCallFailure()
    {
        Server.Fault(1, new LoopbackFault { Delay = TimeSpan.FromSeconds(30) });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        using var client = Create();
        var call = client.GetResponseAsync("Say OK", cancellationToken: cancel.Token);
        await Server.WaitForChatRequestsAsync(1, Token);

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.IsNotType<ModelCallException>(error.InnerException);
    }

    protected string Scheme => Uri.Split(':')[0];

    protected string Model => Uri[(Uri.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>The endpoint as messages show it.</summary>
    protected abstract string Endpoint { get; }

    private async Task<ModelCallException> FailAsync(bool streaming, TimeProvider? time = null)
    {
        using var client = Create(time: time);
        return Innermost(streaming
            ? await Assert.ThrowsAsync<ModelCallException>(async () => await client.GetStreamingResponseAsync("Say OK", cancellationToken: Token).ToListAsync(Token))
            : await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync("Say OK", cancellationToken: Token)));
    }

    /// <summary>The provider edge's own exception: the retry layer wraps transient ones when it gives up.</summary>
    private static ModelCallException Innermost(ModelCallException error) =>
        error.InnerException is ModelCallException inner ? Innermost(inner) : error;
}
