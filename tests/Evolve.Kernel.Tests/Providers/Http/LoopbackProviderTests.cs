using System.ComponentModel;
using System.Text.Json;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Configuration;
using Evolve.Kernel.Providers.Resilience;
using Evolve.Kernel.Providers.Sim;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Http;

/// <summary>
/// What every real provider must do against a loopback server speaking its wire format: round
/// trips (plain, streamed, tool calls), usage accounting, and internal properties kept in.
/// Failure mapping is in <see cref="LoopbackFailureTests"/>.
/// </summary>
public abstract class LoopbackProviderTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    protected LoopbackServer Server { get; private set; } = null!;

    protected UsageLedger Ledger { get; } = new();

    /// <summary>The model URI without parameters, for example <c>openai:gpt-test</c>.</summary>
    protected abstract string Uri { get; }

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Server = StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task GetResponseAsync_PlainRoundTrip_ReturnsTheTextAndRecordsUsage()
    {
        Server.Answer = _ => new LoopbackAnswer("Hello there", InputTokens: 21, OutputTokens: 4);
        using var client = Create();

        var response = await client.GetResponseAsync("Say hello", cancellationToken: Token);

        Assert.Equal("Hello there", response.Text);
        Assert.Equal((1L, 21L, 4L), Tokens(Ledger.For(Uri)));
        Assert.Contains("Say hello", Assert.Single(Server.ChatRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamedRoundTrip_JoinsTheChunksAndRecordsUsage()
    {
        Server.Answer = _ => new LoopbackAnswer("Hello there", InputTokens: 21, OutputTokens: 4);
        using var client = Create();

        var updates = await client.GetStreamingResponseAsync("Say hello", cancellationToken: Token).ToListAsync(Token);

        Assert.True(updates.Count(u => u.Text.Length > 0) >= 2, "the answer arrived in pieces");
        Assert.Equal("Hello there", updates.ToChatResponse().Text);
        Assert.Equal((1L, 21L, 4L), Tokens(Ledger.For(Uri)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FunctionInvocation_ToolCallRoundTrip_SendsTheToolResultBackAndReturnsTheFinalAnswer(bool streaming)
    {
        Server.Answer = request => request.ChatNumber == 1
            ? new LoopbackAnswer(string.Empty, new LoopbackToolCall("call_7", "add", """{"a":2,"b":3}"""))
            : new LoopbackAnswer("The sum is 5");
        using var client = new ChatClientBuilder(Create()).UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(Add, "add")] };

        var text = streaming
            ? (await client.GetStreamingResponseAsync("Add 2 and 3", options, Token).ToListAsync(Token)).ToChatResponse().Text
            : (await client.GetResponseAsync("Add 2 and 3", options, Token)).Text;

        Assert.Equal("The sum is 5", text);
        var requests = Server.ChatRequests;
        Assert.Equal(2, requests.Count);
        Assert.Contains("\"add\"", requests[0].Body, StringComparison.Ordinal);
        if (ToolCallIdsOnTheWire)
        {
            Assert.Contains("call_7", ToolResultOf(requests[1].Body), StringComparison.Ordinal);
        }

        Assert.Contains("5", ToolResultOf(requests[1].Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_InternalProperties_NeverReachTheServer(bool streaming)
    {
        using var client = Create(cache: true);
        var options = new ChatOptions
        {
            AdditionalProperties = new()
            {
                [ModelRequestKeys.CaseId] = "case-secret-1",
                [ModelRequestKeys.Answer] = SimAnswerKind.Code,
                [ModelRequestKeys.Repeat] = 3,
                [ModelRequestKeys.Heuristics] = new Dictionary<string, object> { ["self_test"] = true },
                ["evolve.future_key"] = "also internal",
            },
        };
        var message = new ChatMessage(ChatRole.User, "Say OK") { AdditionalProperties = new() { [ModelRequestKeys.CaseId] = "message-level secret" } };

        var text = streaming
            ? (await client.GetStreamingResponseAsync([message], options, Token).ToListAsync(Token)).ToChatResponse().Text
            : (await client.GetResponseAsync([message], options, Token)).Text;

        Assert.Equal("OK", text);
        var body = Assert.Single(Server.ChatRequests).Body;
        Assert.Contains("Say OK", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evolve.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);

        // These SDKs do not forward unknown properties today; the pipeline must strip them anyway.
        Assert.NotNull(client.GetService<InternalPropertiesStrippingChatClient>());
    }

    [Fact]
    public async Task Create_TransientFailuresThenSuccess_TheRetryLayerGetsTheAnswerWithNoSdkRetriesInBetween()
    {
        Server.Fault(1, LoopbackFault.WithStatus(429, retryAfter: "0")).Fault(2, LoopbackFault.WithStatus(503));
        using var client = Create(retry: new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });

        var response = await client.GetResponseAsync("Say OK", cancellationToken: Token);

        Assert.Equal("OK", response.Text);
        Assert.Equal(3, Server.ChatRequests.Count);
        Assert.Equal((3L, 2L), (Ledger.For(Uri).Calls, Ledger.For(Uri).FailedAttempts));
    }

    [Fact]
    public async Task Create_Metadata_NamesTheProviderAndTheEndpoint()
    {
        using var client = Create();

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata?.ProviderUri);
        Assert.Equal(Server.Port, metadata.ProviderUri.Port);
        await Task.CompletedTask;
    }

    /// <summary>Adds two numbers.</summary>
    [Description("Adds two numbers")]
    protected static int Add(int a, int b) => a + b;

    /// <summary>Whether the wire format pairs tool results with call ids (Ollama's does not).</summary>
    protected virtual bool ToolCallIdsOnTheWire => true;

    protected abstract LoopbackServer StartServer();

    /// <summary>The environment that points the provider at <paramref name="server"/>.</summary>
    protected abstract Dictionary<string, string> EnvironmentFor(LoopbackServer server);

    /// <summary>The tool result part of a request body, as text.</summary>
    protected abstract string ToolResultOf(string body);

    protected IChatClient Create(bool cache = false, TimeProvider? time = null, Dictionary<string, string>? environment = null, WorkspaceModelConfig? workspace = null, RetryOptions? retry = null)
    {
        var variables = environment ?? EnvironmentFor(Server);
        return ModelFactory.Create(ModelUri.Parse(cache ? Uri : Uri + "?cache=0"), new ModelOptions
        {
            Usage = Ledger,
            CachePath = _dir.File("responses.db"),
            TimeProvider = time ?? TimeProvider.System,
            EnvironmentVariables = name => variables.GetValueOrDefault(name),
            Workspace = workspace ?? WorkspaceModelConfig.Empty,

            // One attempt: these tests look at how a single failure is reported, not at retries.
            Retry = retry ?? new RetryOptions { MaxAttempts = 1 },
        });
    }

    protected static (long Calls, long Input, long Output) Tokens(UsageTotals totals) => (totals.Calls, totals.InputTokens, totals.OutputTokens);

    protected static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
