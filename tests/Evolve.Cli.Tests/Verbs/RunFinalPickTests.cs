using System.Text.RegularExpressions;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Suites;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>The final pick (leaders and the seed re-validated on fresh repeats) and the growth flags that shape what it picks from.</summary>
public sealed partial class RunFinalPickTests
{
    private static readonly string[] Small = ["run", "--suite", "arith", "--budget", "500", "--batch", "100"];

    private static RunStore Store(TempDirectory dir) => RunStore.Open(Assert.Single(SmallWorkspace.RunFolders(dir)), TimeProvider.System);

    [Fact]
    public async Task Run_ByDefault_RevalidatesLeadersAndPicksOnlyAboveTheSeed()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, Small);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"final pick: \d+ leaders and the seed re-validated on 3 fresh repeats: seed \d\.\d{3}", run.Out);
        using var store = Store(dir);
        var pick = Assert.Single(store.LoadEvents<FinalPickEvent>());
        var best = BestLine().Match(run.Out).Groups[1].Value;
        Assert.Equal(pick.Pick, best);
        if (!pick.KeptSeed)
        {
            var chosen = pick.Contenders.Single(c => c.Id == pick.Pick);
            Assert.True(chosen.Mean > pick.SeedMean, "the pick must beat the seed on the fresh repeats");
        }

        // The fresh repeats are new rollouts (repeat 1 to 3 on validation), all within the budget.
        var rollouts = store.LoadRollouts();
        Assert.InRange(rollouts.Count, 1, 500);
        Assert.Contains(rollouts, r => r.Split == Split.Val && r.Repeat == 3);
        Assert.DoesNotContain(rollouts, r => r.Split == Split.Val && r.Repeat > 3);
    }

    [Fact]
    public async Task Run_RevalidateZero_PicksBySearchValidation()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, [.. Small, "--revalidate", "0"]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("final pick:", run.Out, StringComparison.Ordinal);
        using var store = Store(dir);
        Assert.Empty(store.LoadEvents<FinalPickEvent>());
        Assert.DoesNotContain(store.LoadRollouts(), r => r.Split == Split.Val && r.Repeat > 0);
    }

    [Fact]
    public async Task Run_ValidationRepeat_ScoresEveryValidationCaseThatOften()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, [.. Small, "--validation-repeat", "2", "--revalidate", "0"]);

        Assert.Equal(0, run.ExitCode);
        using var store = Store(dir);
        var seedVal = store.LoadRollouts().Where(r => r.Split == Split.Val).GroupBy(r => (r.CandidateId, r.CaseId)).First();
        Assert.Equal([0, 1], seedVal.Select(r => r.Repeat).Order());
        Assert.DoesNotContain(store.LoadRollouts(), r => r.Split == Split.Train && r.Repeat > 0);
    }

    [Theory]
    [InlineData("--revalidate", "-1")]
    [InlineData("--revalidate", "21")]
    [InlineData("--validation-repeat", "0")]
    [InlineData("--lessons", "-1")]
    [InlineData("--length-cost", "2")]
    [InlineData("--max-growth", "-1")]
    [InlineData("--max-chars", "0")]
    public async Task Run_BadSelectionFlag_IsRefusedBeforeAnythingIsWritten(string flag, string value)
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, [.. Small, flag, value]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(flag, run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }

    [Fact]
    public async Task Run_BudgetTooSmallToRevalidate_SaysSoAndTakesTheSearchBest()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", "84");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: no re-validation before the final pick", run.Error + run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("final pick:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MaxGrowthZero_GuardsTheChildrenThatGrow()
    {
        using var free = Workspace.CopyShipped();
        using var capped = Workspace.CopyShipped();
        string[] args = [.. Small, "--components", "system.sbn"];

        var normal = await CliRun.InvokeAsync(free.Path, args);
        var walled = await CliRun.InvokeAsync(capped.Path, [.. args, "--max-growth", "0"]);

        Assert.Equal(0, normal.ExitCode);
        Assert.Equal(0, walled.ExitCode);
        static int Guarded(CliRun run) => GuardedCount().Matches(run.Error).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Guarded(walled) > Guarded(normal), $"{Guarded(walled)} vs {Guarded(normal)}");
    }

    [GeneratedRegex(@"guarded (\d+)")]
    private static partial Regex GuardedCount();

    [GeneratedRegex(@"best candidate: ([0-9a-f]+)")]
    private static partial Regex BestLine();
}
