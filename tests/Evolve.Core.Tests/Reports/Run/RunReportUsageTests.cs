using Evolve.Core.Evaluation;
using Evolve.Core.Reports.Run;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel.Providers.Usage;
using Evolve.Tests.Shared;

namespace Evolve.Core.Tests.Reports.Run;

/// <summary>The report's model calls: the recorded ledger per role when the run has it, the rollouts' own tokens (said so) when not.</summary>
public sealed class RunReportUsageTests
{
    private static readonly Candidate Seed = new(new Dictionary<string, string> { ["system.sbn"] = "Answer.\n" });

    private static UsageSummary Usage(TempDirectory dir, params UsageEvent[] records)
    {
        using var store = RunStore.Create(dir.Path, new RunInfo
        {
            Id = "r", Kind = "optimize", Suite = "calc", SuiteHash = "h", Agent = "calc", Model = "openai:gpt-4o-mini", Simulated = false,
            OptionsJson = "{}", StartedAt = DateTimeOffset.UnixEpoch,
        }, TimeProvider.System);
        store.SaveCandidate(Seed, CandidateStatus.Pool, new { how = "seed" });
        store.WriteRollouts([.. Enumerable.Range(0, 3).Select(i => new Rollout
        {
            CandidateId = Seed.Id, CaseId = $"c{i}", Repeat = 0, Split = Split.Val, Output = "x", Score = new CaseScore(1, true, "", []),
            InputTokens = 100, OutputTokens = 10, Cost = 0.001m,
        })]);
        foreach (var record in records)
        {
            store.AppendEvent(record);
        }

        return RunReportBuilder.Build(store).Usage;
    }

    [Fact]
    public void Build_TwoInvocationsRecorded_AddsThemUpPerRoleWithReflectionCost()
    {
        using var dir = new TempDirectory();

        var usage = Usage(
            dir,
            new UsageEvent(new UsageTotals(2, 0, 200, 20) { Cost = 0.002m }, new UsageTotals(1, 0, 900, 300) { Cost = 0.01m }, 1),
            new UsageEvent(new UsageTotals(1, 0, 100, 10) { Cost = 0.001m }, UsageTotals.Zero, 2));

        Assert.Equal([["task", "3", "0", "0", "300", "30"], ["reflection", "1", "0", "0", "900", "300"], ["judge", "0", "0", "0", "0", "0"], ["total", "4", "0", "0", "1,200", "330"]], UsageRows.Rows(usage));
        Assert.Equal((1200L, 330L), (usage.InputTokens, usage.OutputTokens));
        Assert.Equal("$0.0130 at list prices", usage.CostNote);
        Assert.EndsWith("Summed over the run's 2 invocations (the first and each resume).", UsageRows.Note(usage), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EveryRecordedCallUnpriced_SaysTheCostIsUnknownAndStoresNone()
    {
        using var dir = new TempDirectory();

        var usage = Usage(dir, new UsageEvent(new UsageTotals(3, 1, 200, 20) { UnpricedCalls = 2 }, new UsageTotals(1, 0, 900, 300) { UnpricedCalls = 1 }, 1));

        Assert.Null(usage.Cost);
        Assert.Equal("unknown: no list price for the models called (add one with --prices)", usage.CostNote);
    }

    [Fact]
    public void Build_KilledAfterACheckpoint_CountsTheInvocationUpToItsLastRecord()
    {
        using var dir = new TempDirectory();

        // Invocation 1 recorded two generations and was killed; invocation 2 (the resume) finished.
        var usage = Usage(
            dir,
            new UsageEvent(new UsageTotals(1, 0, 100, 10), new UsageTotals(1, 0, 500, 100), 1),
            new UsageEvent(new UsageTotals(2, 0, 200, 20), new UsageTotals(2, 0, 1000, 200), 1),
            new UsageEvent(new UsageTotals(1, 0, 100, 10), UsageTotals.Zero, 2));

        Assert.Equal(["total", "5", "0", "0", "1,300", "230"], UsageRows.Rows(usage)[^1]);
        Assert.Equal(2, usage.CallRecords);
    }

    [Fact]
    public void Build_NoUsageRecorded_ShowsTheRolloutsTokensAndSaysReflectionIsMissing()
    {
        using var dir = new TempDirectory();

        var usage = Usage(dir);

        Assert.Equal([["task (from the stored rollouts)", "–", "0", "–", "300", "30"]], UsageRows.Rows(usage));
        Assert.StartsWith("This run recorded no call totals", UsageRows.Note(usage), StringComparison.Ordinal);
        Assert.Contains("reflection calls are not counted", UsageRows.Note(usage), StringComparison.Ordinal);
        Assert.Equal("$0.0030 at list prices", usage.CostNote);
    }
}
