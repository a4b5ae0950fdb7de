using System.CommandLine;
using Evolve.Cli.Verbs;
using Evolve.Cli.Tests.Serving;
using Evolve.Core.Evaluation;

namespace Evolve.Cli.Tests.Agent;

/// <summary><c>evolve agent serve</c> options: checked before anything starts, every problem named.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("192.168.1.20")]
    public async Task Serve_NonLoopbackHostWithoutKey_RefusesWithExit2AndServesNothing(string host)
    {
        using var dir = SmallWorkspace.Create();

        var run = await InvokeAsync(dir, environment: null, "--host", host, "--port", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            $"error: command line: --host: {host} is reachable from other machines, so clients must authenticate: set --api-key or EVOLVE_SERVE_KEY (or serve on 127.0.0.1){Environment.NewLine}",
            run.Error);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "prompts", "qa", ".state")));
    }

    [Fact]
    public async Task Serve_BadLimitsAndHost_ListsEveryProblemInOneGo()
    {
        using var dir = SmallWorkspace.Create();

        var run = await InvokeAsync(dir, environment: null, "--host", "nowhere", "--max-request-bytes", "10", "--max-concurrent-requests", "0", "--api-key", "has space");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            string.Join(Environment.NewLine,
                "error: command line: --host: 'nowhere' is not an IP address or localhost",
                "error: command line: --api-key: the API key must be non-empty and contain no whitespace",
                "error: command line: --max-request-bytes: must be in 1024-2147483647, not 10",
                "error: command line: --max-concurrent-requests: must be at least 1, not 0") + Environment.NewLine,
            run.Error);
    }

    [Fact]
    public async Task Serve_NonLoopbackHostWithKeyInEnvironment_PassesValidation()
    {
        using var dir = SmallWorkspace.Create();

        // A port that cannot be bound stops the server right after validation, without listening anywhere.
        var run = await InvokeAsync(dir, environment: name => name == "EVOLVE_SERVE_KEY" ? "sk-env" : null, "--host", "0.0.0.0", "--port", "70000");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: command line: --port: must be in 0-65535, not 70000{Environment.NewLine}", run.Error);
    }

    private static async Task<CliRun> InvokeAsync(TempDirectory dir, Func<string, string?>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new ServingLineWriter();
        var context = new CliContext(output, error, dir.Path, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var root = new RootCommand { AgentVerb.Create(context, environment: environment ?? (_ => null)) };
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, error.Serving);
        var code = await EvolveApp.InvokeAsync(root, ["agent", "serve", "qa", "--model", "echo", .. args], context, linked.Token);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
