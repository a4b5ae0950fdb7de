using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolve.Tests.Shared.Loopback;

/// <summary>
/// An HTTP server on 127.0.0.1 (a free port) speaking one provider's wire format, so provider
/// tests never need an account or the internet. Answers come from <see cref="Answer"/>; failures
/// are scripted per chat request number with <see cref="Fault"/>; every request is recorded.
/// Each request is served on the thread pool, so it handles many concurrent clients.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly LoopbackWire _wire;
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private readonly ConcurrentDictionary<int, LoopbackFault> _faults = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _chatArrived = new(0);
    private readonly Task _loop;
    private int _received;
    private int _chats;
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackServer(LoopbackWire wire, HttpListener listener, int port)
    {
        _wire = wire;
        _listener = listener;
        Port = port;
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:port</c>, no trailing slash.</summary>
    public string Root => $"http://127.0.0.1:{Port}";

    /// <summary>Produces the answer to a chat request; default "OK".</summary>
    public Func<LoopbackRequest, LoopbackAnswer> Answer { get; set; } = _ => LoopbackAnswer.Ok;

    /// <summary>A wait before every chat answer (for benchmarks); default none.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The most chat requests that were being answered at the same moment.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests.OrderBy(r => r.Number)];

    /// <summary>Chat requests only, in arrival order.</summary>
    public IReadOnlyList<LoopbackRequest> ChatRequests => [.. Requests.Where(r => r.ChatNumber > 0)];

    /// <summary>Starts a server speaking OpenAI's chat completions.</summary>
    public static LoopbackServer OpenAi() => Start(new OpenAiLoopbackWire());

    /// <summary>Starts a server speaking Ollama's chat API.</summary>
    public static LoopbackServer Ollama() => Start(new OllamaLoopbackWire());

    /// <summary>Starts a server speaking Anthropic's messages API.</summary>
    public static LoopbackServer Anthropic() => Start(new AnthropicLoopbackWire());

    /// <summary>A port nothing listens on (bound, then released), for connection-refused tests.</summary>
    public static int UnusedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Scripts <paramref name="fault"/> for the <paramref name="chatNumber"/>-th chat request (1-based).</summary>
    public LoopbackServer Fault(int chatNumber, LoopbackFault fault)
    {
        _faults[chatNumber] = fault;
        return this;
    }

    /// <summary>Completes once <paramref name="count"/> more chat requests have arrived (each counted once across calls).</summary>
    public async Task WaitForChatRequestsAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await _chatArrived.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
        _chatArrived.Dispose();
    }

    private static LoopbackServer Start(LoopbackWire wire)
    {
        // Another process may take the probed port between probe and bind: try a few.
        for (var attempt = 0; ; attempt++)
        {
            var port = UnusedPort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new LoopbackServer(wire, listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            await RespondAsync(context);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var request = await RecordAsync(context.Request);
        var response = context.Response;
        if (request.ChatNumber == 0)
        {
            var other = _wire.Other(request.Path);
            await LoopbackResponses.WriteAsync(response, other is null ? 404 : 200, other ?? _wire.Error(404, $"no route {request.Path}"), "application/json");
            return;
        }

        var now = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); now > max && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max; max = Volatile.Read(ref _maxInFlight))
        {
        }

        try
        {
            await AnswerChatAsync(request, response);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerChatAsync(LoopbackRequest request, HttpListenerResponse response)
    {
        var fault = _faults.GetValueOrDefault(request.ChatNumber);
        var delay = fault?.Delay > TimeSpan.Zero ? fault.Delay : ResponseDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _stop.Token);
        }

        if (fault?.Status is int status)
        {
            if (fault.RetryAfter is { } retryAfter)
            {
                response.AddHeader("Retry-After", retryAfter);
            }

            await LoopbackResponses.WriteAsync(response, status, _wire.Error(status, fault.Message), "application/json");
            return;
        }

        var body = ParseOrNull(request.Body);
        var model = body?["model"]?.GetValue<string>() ?? "unknown";
        var answer = Answer(request);
        if (fault?.RawBody is { } raw)
        {
            await LoopbackResponses.WriteAsync(response, 200, raw, "application/json");
        }
        else if (fault?.Malformed == true)
        {
            var broken = _wire.IsStreaming(body) ? _wire.MalformedChunk : "{\"id\": \"broken\", \"choices\": [ {";
            await LoopbackResponses.WriteAsync(response, 200, broken, _wire.IsStreaming(body) ? _wire.StreamContentType : "application/json");
        }
        else if (_wire.IsStreaming(body))
        {
            var chunks = _wire.Stream(answer, model);
            if (fault?.StallAfterChunks is int stall)
            {
                await LoopbackResponses.StreamAsync(response, _wire.StreamContentType, chunks.Take(stall).ToList(), null, close: false);
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            await LoopbackResponses.StreamAsync(response, _wire.StreamContentType, chunks, fault?.ResetAfterChunks);
        }
        else if (fault?.ResetAfterChunks is not null)
        {
            await LoopbackResponses.CutAsync(response, _wire.Plain(answer, model));
        }
        else
        {
            await LoopbackResponses.WriteAsync(response, 200, _wire.Plain(answer, model), "application/json");
        }
    }

    private async Task<LoopbackRequest> RecordAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = request.Url?.AbsolutePath ?? "/";
        var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var number = Interlocked.Increment(ref _received);
        var chat = _wire.IsChat(path) ? Interlocked.Increment(ref _chats) : 0;
        var recorded = new LoopbackRequest(number, chat, request.HttpMethod, path, body, headers);
        _requests.Enqueue(recorded);
        if (chat > 0)
        {
            _chatArrived.Release();
        }

        return recorded;
    }

    private static JsonNode? ParseOrNull(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
