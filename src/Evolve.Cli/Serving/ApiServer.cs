using System.Net;
using Evolve.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Evolve.Cli.Serving;

/// <summary>
/// A few JSON routes on Kestrel (the chat API of <see cref="ChatServer"/>, the scoring API): every
/// request passes the <see cref="RequestGate"/> (API key, concurrency), bodies are capped, and a
/// wrong path or method is an OpenAI-style error (<see cref="RouteTable"/>).
/// </summary>
internal sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestGate _gate;

    private ApiServer(WebApplication app, RequestGate gate, Uri address)
    {
        _app = app;
        _gate = gate;
        Address = address;
    }

    /// <summary>The bound address, with the real port when 0 was asked for.</summary>
    public Uri Address { get; }

    /// <summary>Binds the options' host and port (port 0 picks a free one) and starts serving.</summary>
    /// <param name="routes">Method, path and handler of each route.</param>
    /// <param name="options">Where to listen and what to let in.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    public static async Task<ApiServer> StartAsync(IReadOnlyList<(string Method, string Path, RequestDelegate Handler)> routes, ServeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routes);
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
        var table = new RouteTable(routes);
        var gate = new RequestGate(options);
        app.Run(http => gate.InvokeAsync(http, table.DispatchAsync));
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

        return new ApiServer(app, gate, new Uri(app.Urls.First()));
    }

    /// <summary>Stops accepting requests, lets running ones finish, and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _gate.DisposeAsync().ConfigureAwait(false);
    }
}
