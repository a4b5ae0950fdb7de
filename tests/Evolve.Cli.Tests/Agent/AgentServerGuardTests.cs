using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Evolve.Cli.Serving;

namespace Evolve.Cli.Tests.Agent;

/// <summary><c>agent serve</c> exposed: API key, body size, concurrency and method checks over real HTTP, each refused in OpenAI's error shape.</summary>
public sealed class AgentServerGuardTests
{
    private const string Key = "sk-test-4f1c";
    private const string Chat = """{"model": "qa", "messages": [{"role": "user", "content": "hi"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/v1/models", null)]
    [InlineData("POST", "/v1/chat/completions", null)]
    [InlineData("GET", "/v1/embeddings", null)]
    [InlineData("GET", "/v1/models", "Bearer sk-wrong")]
    [InlineData("GET", "/v1/models", "Basic " + Key)]
    [InlineData("GET", "/v1/models", Key)]
    public async Task Request_WithoutTheRightKey_Returns401InOpenAiShape(string method, string path, string? authorization)
    {
        var model = ToolScript.Client();
        await using var served = await ServedAgent.StartAsync(model, new ServeOptions { Port = 0, ApiKey = Key });

        using var request = Request(method, path, authorization);
        using var response = await served.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal("invalid_api_key", error["code"]!.GetValue<string>());
        Assert.Null(error["param"]);
        Assert.Contains("Authorization: Bearer", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public async Task Request_WithTheKey_IsAnswered()
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client(), new ServeOptions { Port = 0, ApiKey = Key });

        using var models = Request("GET", "/v1/models", "Bearer " + Key);
        using var listed = await served.Http.SendAsync(models, Ct);
        using var chat = Request("POST", "/v1/chat/completions", "bearer " + Key);
        using var answered = await served.Http.SendAsync(chat, Ct);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Complete_BodyOverTheLimit_Returns413InOpenAiShapeWithoutCallingTheModel(bool chunked)
    {
        var model = ToolScript.Client();
        await using var served = await ServedAgent.StartAsync(model, new ServeOptions { Port = 0, MaxRequestBytes = 2048 });
        var body = Encoding.UTF8.GetBytes($$"""{"model": "qa", "messages": [{"role": "user", "content": "{{new string('x', 3000)}}"}]}""");

        using HttpContent content = chunked ? new StreamContent(new UnseekableStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal("request_too_large", error["code"]!.GetValue<string>());
        Assert.Contains("2048 bytes", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public async Task Complete_BodyJustUnderTheLimit_IsAnswered()
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client(), new ServeOptions { Port = 0, MaxRequestBytes = 2048 });
        var body = $$"""{"model": "qa", "messages": [{"role": "user", "content": "{{new string('x', 1900)}}"}]}""";

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Complete_OneMoreThanTheConcurrencyLimit_Returns429InOpenAiShape()
    {
        var model = ScriptedChatClient.Gated();
        await using var served = await ServedAgent.StartAsync(model, new ServeOptions { Port = 0, MaxConcurrentRequests = 1 });

        using var first = Request("POST", "/v1/chat/completions", null);
        var held = served.Http.SendAsync(first, Ct);
        var gate = await model.NextStartedAsync();
        using var second = Request("POST", "/v1/chat/completions", null);
        using var other = served.NewClient();
        using var refused = await other.SendAsync(second, Ct);
        gate.Release();
        using var answered = await held;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var error = await ErrorAsync(refused);
        Assert.Equal("rate_limit_exceeded", error["code"]!.GetValue<string>());
        Assert.Contains("1 request", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(1, model.Calls);
    }

    [Theory]
    [InlineData("GET", "/v1/chat/completions", "POST")]
    [InlineData("PUT", "/v1/chat/completions", "POST")]
    [InlineData("POST", "/v1/models", "GET")]
    [InlineData("DELETE", "/v1/models", "GET")]
    public async Task KnownRoute_WrongMethod_Returns405InOpenAiShapeNamingTheAllowedOne(string method, string path, string allowed)
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client());

        using var request = Request(method, path, null);
        using var response = await served.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        var error = await ErrorAsync(response);
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal("method_not_allowed", error["code"]!.GetValue<string>());
        Assert.Contains($"{method} {path}", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/v1/files/report.json")]
    public async Task UnknownFileLikeRoute_Returns404InOpenAiShape(string path)
    {
        await using var served = await ServedAgent.StartAsync(ToolScript.Client());

        using var response = await served.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_url", (await ErrorAsync(response))["code"]!.GetValue<string>());
    }

    private static HttpRequestMessage Request(string method, string path, string? authorization)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent(Chat, Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static async Task<JsonNode> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        Assert.Equal(["error"], body.Select(p => p.Key));
        var error = body["error"]!.AsObject();
        Assert.Equal(["message", "type", "param", "code"], error.Select(p => p.Key));
        return error;
    }
}
