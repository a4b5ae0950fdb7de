namespace Evolve.Cli.Tests;

/// <summary>The outcome of one in-process CLI invocation.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>evolve args</c> in <paramref name="workingDirectory"/> with the real dependencies and captured output.</summary>
    public static Task<CliRun> InvokeAsync(string workingDirectory, params string[] args) => InvokeAsync(workingDirectory, interactive: false, args);

    /// <summary>As <see cref="InvokeAsync(string, string[])"/>, as if the error stream were a terminal when <paramref name="interactive"/>.</summary>
    public static async Task<CliRun> InvokeAsync(string workingDirectory, bool interactive, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, workingDirectory, DefaultDependencies.Create(TimeProvider.System), Interactive: interactive);
        var code = await EvolveApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
