using Microsoft.Extensions.Hosting;

namespace Evolve.Cli.Serving;

/// <summary>A host lifetime that hooks no signals: the CLI's own Ctrl+C handling stops the server.</summary>
internal sealed class CliHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
