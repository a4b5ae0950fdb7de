namespace Evolve.Cli;

/// <summary>The process entry: wires the real console, Ctrl+C and the real model and scorer factories.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Not disposed: the Ctrl+C handler may still run while Main returns.
        var cancellation = new CancellationTokenSource();
        // First Ctrl+C stops cleanly (finished rollouts are kept); a second one kills the process.
        Console.CancelKeyPress += (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                // On a terminal, clear a live progress line first so the note does not run into it.
                Console.Error.WriteLine((Console.IsErrorRedirected ? "" : "\r\u001b[K") + "stopping: finishing writes (Ctrl+C again to kill)");
                cancellation.Cancel();
            }
        };

        var context = new CliContext(
            Console.Out,
            Console.Error,
            Environment.CurrentDirectory,
            DefaultDependencies.Create(TimeProvider.System),
            Interactive: !Console.IsErrorRedirected);
        return await EvolveApp.RunAsync(args, context, cancellation.Token).ConfigureAwait(false);
    }
}
