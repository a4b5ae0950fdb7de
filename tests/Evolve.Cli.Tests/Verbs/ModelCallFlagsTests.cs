using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>The model-call flags of eval and run, the sandbox refusal and the run policy, end to end in process.</summary>
public sealed class ModelCallFlagsTests
{
    private const string Refusal = "would run as a plain process";

    /// <summary>Runs the CLI with a fake "real" model and a scorer that reports the given sandbox level.</summary>
    private static async Task<CliRun> InvokeWithFakesAsync(string directory, Func<string, string> answer, string sandbox, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var dependencies = new EvalDependencies(
            spec => new ModelHandle(new ScriptedChatClient((m, _) => answer(m[^1].Text)), spec.Uri, spec.Uri, Simulated: false),
            _ => Task.FromResult(new ScorerHandle(new CaseScorer(), sandbox)),
            TimeProvider.System);
        var context = new CliContext(output, error, directory, dependencies, Interactive: false);
        var code = await EvolveApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Eval_BadModelCallFlags_ListsEveryProblemAndRunsNothing()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--rpm", "0", "--retries", "0", "--tpm", "-5");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                "error: --rpm: must be between 1 and 1000000, not 0",
                "error: --tpm: must be at least 1, not -5",
                "error: --retries: attempts must be between 1 and 100, not 0",
            ],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Eval_BadCacheTtl_NamesTheFlag()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--cache-ttl", "soon");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--cache-ttl: 'soon' is not a duration", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_AllFlagsGiven_RunsAndPrintsUsage()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--model", "sim?cache=1", "--cache-ttl", "7d", "--no-cache", "--rpm", "600", "--tpm", "100000", "--timeout", "30s", "--retries", "3", "--otel", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"usage: 3 model calls \(0 failed attempts, 0 cache hits\), \d+ tokens in, \d+ out; cost \$0\.0000 at list prices", run.Error);
    }

    [Fact]
    public async Task Eval_CacheOnSecondRun_RecordsCacheHitsPerRollout()
    {
        using var dir = SmallWorkspace.Create();

        await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--model", "sim?cache=1");
        var second = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--model", "sim?cache=1");

        Assert.Contains("(0 failed attempts, 3 cache hits)", second.Error, StringComparison.Ordinal);
        // Two runs started in the same second sort by their random suffix, so compare as a set: one all fresh, one all hits.
        var hits = SmallWorkspace.RunFolders(dir).Select(f =>
        {
            using var store = RunStore.Open(f, TimeProvider.System);
            return store.LoadRollouts().Count(r => r.CacheHit);
        });
        Assert.Equal([0, 3], hits.Order());
    }

    [Fact]
    public async Task Eval_RealModelUnderProcessSandbox_IsRefusedUnlessAllowed()
    {
        using var dir = Workspace.CopyShipped();
        string[] args = ["eval", "--suite", "coding", "--split", "holdout", "--model", "openai:gpt-4.1-mini", "--sandbox", "process"];

        var refused = await InvokeWithFakesAsync(dir.Path, _ => "no code", "process", args);
        var allowed = await InvokeWithFakesAsync(dir.Path, _ => "no code", "process", [.. args, "--allow-unsandboxed"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"error: --sandbox: code from openai:gpt-4.1-mini {Refusal}", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Refusal, allowed.Error, StringComparison.Ordinal);
        Assert.Single(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Run_RealModelUnderProcessSandbox_IsRefusedBeforeAnythingIsWritten()
    {
        using var dir = Workspace.CopyShipped();

        var run = await InvokeWithFakesAsync(dir.Path, _ => "no code", "process", "run", "--suite", "coding", "--model", "openai:gpt-4.1-mini", "--budget", "3000", "--batch", "100");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(Refusal, run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Eval_PermanentModelFailure_StopsWithExitThreeAndMarksTheRunFailed()
    {
        using var dir = SmallWorkspace.Create();

        var run = await InvokeWithFakesAsync(
            dir.Path,
            _ => throw new ModelCallException(ModelCallFailure.Permanent, "openai:gpt-4.1-mini: 401 invalid API key", 401),
            "none",
            "eval", "--suite", "qa", "--model", "openai:gpt-4.1-mini", "--concurrency", "1");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("stopped: a model call failed permanently, so every case would fail alike: openai:gpt-4.1-mini: 401 invalid API key", run.Error, StringComparison.Ordinal);
        using var store = RunStore.Open(Assert.Single(SmallWorkspace.RunFolders(dir)), TimeProvider.System);
        Assert.Equal(RunStatus.Failed, store.LoadInfo().Status);
    }
}
