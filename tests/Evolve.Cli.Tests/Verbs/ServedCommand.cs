using System.CommandLine;
using Evolve.Cli.Tests.Serving;
using Evolve.Cli.Verbs;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>A serve command (<c>models serve</c>, <c>score serve</c>) invoked in-process as the CLI runs it, serving on 127.0.0.1 until <see cref="StopAsync"/>.</summary>
internal sealed class ServedCommand : IAsyncDisposable
{
    private readonly ServingLineWriter _error;
    private readonly CancellationTokenSource _stop;
    private readonly Task<int> _run;

    private ServedCommand(ServingLineWriter error, CancellationTokenSource stop, Task<int> run, Uri address)
    {
        _error = error;
        _stop = stop;
        _run = run;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    /// <summary>What the command wrote to its error stream so far (the serving line first).</summary>
    public string Log => _error.ToString();

    /// <summary>Runs <c>evolve ARGS --port 0</c> in <paramref name="directory"/>, with no key in the environment, and waits until it serves.</summary>
    public static async Task<ServedCommand> StartAsync(string directory, params string[] args)
    {
        var error = new ServingLineWriter();
        var context = new CliContext(TextWriter.Null, error, directory, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = EvolveApp.InvokeAsync(Root(context, _ => null), [.. args, "--port", "0"], context, stop.Token);
        if (await Task.WhenAny(error.Address, run) == run)
        {
            throw new InvalidOperationException($"evolve {string.Join(' ', args)} exited with {await run} before serving: {error}");
        }

        return new ServedCommand(error, stop, run, await error.Address);
    }

    /// <summary>Runs <c>evolve ARGS</c> to its end, stopping it at once should it serve: for commands that must be refused.</summary>
    public static async Task<CliRun> RefusedAsync(string directory, Func<string, string?> environment, params string[] args)
    {
        using var error = new ServingLineWriter();
        var context = new CliContext(TextWriter.Null, error, directory, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, error.Serving);
        var code = await EvolveApp.InvokeAsync(Root(context, environment), args, context, linked.Token);
        return new CliRun(code, string.Empty, error.ToString());
    }

    /// <summary>Ctrl+C, as the CLI turns it into cancellation; returns the exit code and everything written.</summary>
    public async Task<CliRun> StopAsync()
    {
        await _stop.CancelAsync();
        var code = await _run;
        return new CliRun(code, string.Empty, _error.ToString());
    }

    // The serve verbs with the environment the test gives, so a key set where the tests run changes nothing.
    private static RootCommand Root(CliContext context, Func<string, string?> environment) =>
        [ModelsVerb.Create(context, environment), ScoreVerb.Create(context, environment)];

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        Http.Dispose();
        _stop.Dispose();
        _error.Dispose();
    }
}
