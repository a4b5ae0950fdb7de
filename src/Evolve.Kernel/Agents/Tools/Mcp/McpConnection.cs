using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolve.Kernel.Agents.Tools.Mcp;

/// <summary>
/// JSON-RPC 2.0 over a child process's stdin/stdout, one JSON message per line (the MCP stdio
/// transport). A reader task matches responses to requests by id; stderr is drained into a
/// bounded tail so a full pipe never blocks the server and failures can quote it.
/// </summary>
internal sealed partial class McpConnection : IAsyncDisposable
{
    private const int StderrTailChars = 2000;
    private readonly Process _process;
    private readonly string _server;
    private readonly TimeSpan _timeout;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StringBuilder _stderr = new();
    private readonly Task _reader;
    private readonly Task _stderrReader;
    private long _nextId;
    private volatile bool _closed;

    private McpConnection(Process process, string server, TimeSpan timeout)
    {
        _process = process;
        _server = server;
        _timeout = timeout;
        // stderr first: the stdout reader waits on it at end of stream to quote the server's last words.
        _stderrReader = Task.Run(ReadStderrAsync);
        _reader = Task.Run(ReadStdoutAsync);
    }

    /// <summary>The process id, for callers (and tests) that must know it is gone.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the server; throws what <see cref="Process.Start()"/> throws when it cannot.</summary>
    public static McpConnection Start(McpServerConfig config)
    {
        var info = new ProcessStartInfo(config.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in config.Args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in config.Environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start '{config.Command}'");
        return new McpConnection(process, config.Name, config.RequestTimeout);
    }

    /// <summary>The last lines the server wrote to stderr (bounded), or empty.</summary>
    public string StderrTail
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString().Trim();
            }
        }
    }

    /// <summary>Sends a request and returns its <c>result</c>; an error, timeout or exit is an <see cref="McpException"/>.</summary>
    public async Task<JsonElement> RequestAsync(string method, JsonObject? parameters, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var pending = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = pending;
        try
        {
            if (_closed)
            {
                throw Failure($"{method}: the server has exited");
            }

            var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
            if (parameters is not null)
            {
                message["params"] = parameters;
            }

            await SendAsync(message, cancellationToken).ConfigureAwait(false);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                return await pending.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw Failure(string.Create(CultureInfo.InvariantCulture, $"{method}: no answer within {_timeout.TotalSeconds:0.###} s"));
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Sends a notification (no id, no answer).</summary>
    public Task NotifyAsync(string method, CancellationToken cancellationToken = default) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to kill.
        }

        await Task.WhenAll(_reader, _stderrReader).ConfigureAwait(false);
        _process.Dispose();
        _writeLock.Dispose();
    }

    private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _process.StandardInput.WriteAsync((message.ToJsonString() + "\n").AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw Failure($"{message["method"]}: the server closed its input ({ex.Message})");
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private McpException Failure(string what)
    {
        var stderr = StderrTail;
        return new McpException($"MCP server '{_server}': {what}{(stderr.Length > 0 ? $"; stderr: {stderr}" : "")}");
    }
}
