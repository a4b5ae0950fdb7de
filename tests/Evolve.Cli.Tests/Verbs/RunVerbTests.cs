using System.Diagnostics;
using System.Text.RegularExpressions;
using Evolve.Core.Runs;

namespace Evolve.Cli.Tests.Verbs;

/// <summary><c>evolve run</c> end to end on the shipped arith suite (short numeric answers: fast, no sandbox).</summary>
public sealed partial class RunVerbTests
{
    private static readonly string[] Small = ["run", "--suite", "arith", "--budget", "500", "--batch", "100"];

    private static string BestId(CliRun run) => BestLine().Match(run.Out) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(run.Out + run.Error);

    private static int StoredRollouts(TempDirectory dir)
    {
        using var store = RunStore.Open(Assert.Single(SmallWorkspace.RunFolders(dir)), TimeProvider.System);
        return store.LoadRollouts().Count;
    }

    [Fact]
    public async Task Run_BudgetForOneProposalThatLoses_SaysNothingToPromote()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", "84");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" (the seed)\nnothing to promote: no candidate beat the seed on validation\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("promote with:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ArithSuite_ReportsTheHoldoutComparisonAndHowToPromote()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, Small);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("model: sim (offline simulator, scores are synthetic)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"holdout \(7 cases the search never saw\)", run.Out);
        Assert.Matches(@"difference [+-]?\d\.\d{3} \(95 ?% CI", run.Out);
        Assert.Contains("promote with: evolve promote ", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"gen +1 +rollouts \d+/500", run.Error);
        Assert.InRange(StoredRollouts(dir), 1, 500);
    }

    [Fact]
    public async Task Run_SameSeed_GivesTheSameBestCandidateAtAnyConcurrency()
    {
        using var one = Workspace.CopyShipped();
        using var many = Workspace.CopyShipped();

        var serial = await CliRun.InvokeAsync(one.Path, [.. Small, "--seed", "3", "--concurrency", "1"]);
        var parallel = await CliRun.InvokeAsync(many.Path, [.. Small, "--seed", "3", "--concurrency", "16"]);

        Assert.Equal(BestId(serial), BestId(parallel));
        Assert.Equal(StoredRollouts(one), StoredRollouts(many));
    }

    [Theory]
    [InlineData(137, 100, 1)]
    [InlineData(260, 150, 2)]
    [InlineData(411, 500, 3)]
    [InlineData(733, 230, 5)]
    [InlineData(1009, 100, 4)]
    public async Task Run_AnyBudget_IsNeverExceeded(int budget, int batch, int minibatch)
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", $"{budget}", "--batch", $"{batch}", "--minibatch", $"{minibatch}", "--patience", "1000");

        Assert.Equal(0, run.ExitCode);
        Assert.InRange(StoredRollouts(dir), 1, budget);
        Assert.Contains("stopped: budget", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BudgetBelowOneProposal_IsRejectedBeforeAnythingRuns()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", "20");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --budget: 20 rollouts cannot buy one proposal", run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Run_KilledWithSigkill_ResumesAndFinishesLikeAnUninterruptedRun()
    {
        string[] args = ["run", "--suite", "arith", "--budget", "600", "--batch", "100", "--seed", "5", "--model", "sim?latency=20ms", "--concurrency", "8"];
        using var reference = Workspace.CopyShipped();
        var uninterrupted = await CliRun.InvokeAsync(reference.Path, args);

        using var dir = Workspace.CopyShipped();
        var evolve = Path.Combine(AppContext.BaseDirectory, "evolve.dll");
        using (var process = Process.Start(new ProcessStartInfo("dotnet", [evolve, .. args]) { WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true })!)
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.StartsWith("gen   2", StringComparison.Ordinal))
            {
            }

            process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var killedAt = StoredRollouts(dir);
        var resumed = await CliRun.InvokeAsync(dir.Path, args);

        Assert.Contains("(resumed)", resumed.Out, StringComparison.Ordinal);
        Assert.Equal(BestId(uninterrupted), BestId(resumed));
        Assert.Equal(StoredRollouts(reference), StoredRollouts(dir));
        Assert.InRange(killedAt, 1, StoredRollouts(dir) - 1);
    }

    [GeneratedRegex(@"best candidate: ([0-9a-f]{64})")]
    private static partial Regex BestLine();
}
