using System.Net;
using Evolve.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Evolve.Cli.Serving;

/// <summary>
/// Serves one <see cref="IChatAnswerer"/> (an agent, a bare model) over the OpenAI chat API on
/// Kestrel: <c>GET /v1/models</c> and <c>POST /v1/chat/completions</c> (plain and streamed). Every
/// request passes the <see cref="RequestGate"/> (API key, concurrency) and bodies are capped.
/// </summary>
internal sealed class ChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestGate _gate;

    private ChatServer(WebApplication app, RequestGate gate, Uri address)
    {
        _app = app;
        _gate = gate;
        Address = address;
    }

    /// <summary>The bound address, with the real port when 0 was asked for.</summary>
    public Uri Address { get; }

    /// <summary>Binds the options' host and port (port 0 picks a free one) and starts serving.</summary>
    /// <param name="answerer">What answers the requests.</param>
    /// <param name="time">The clock for the answers' creation times.</param>
    /// <param name="options">Where to listen and what to let in.</param>
    /// <param name="log">Receives one line per answered request; written from many threads, so pass a synchronized writer.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    public static async Task<ChatServer> StartAsync(IChatAnswerer answerer, TimeProvider time, ServeOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var address = options.Validate();

        // The empty builder reads no appsettings or environment and logs nothing: the CLI owns its output.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.AddServerHeader = false;
        });
        // The CLI already turns Ctrl+C into cancellation; the host must not install a second handler.
        builder.Services.AddSingleton<IHostLifetime, CliHostLifetime>();
        var app = builder.Build();
        var endpoints = new CompletionEndpoint(answerer, time, log, options.MaxRequestBytes);
        var routes = new RouteTable([("GET", "/v1/models", endpoints.ListModelsAsync), ("POST", "/v1/chat/completions", endpoints.CompleteAsync)]);
        var gate = new RequestGate(options);
        app.Run(http => gate.InvokeAsync(http, routes.DispatchAsync));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await gate.DisposeAsync().ConfigureAwait(false);
            throw new InputException("command line", null, "--port", $"cannot listen on {options.Host}:{options.Port}: {ex.Message}");
        }

        return new ChatServer(app, gate, new Uri(app.Urls.First()));
    }

    /// <summary>Stops accepting requests, lets running ones finish, and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _gate.DisposeAsync().ConfigureAwait(false);
    }
}
