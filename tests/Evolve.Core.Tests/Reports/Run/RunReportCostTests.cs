using Evolve.Core.Evaluation;
using Evolve.Core.Reports.Run;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Tests.Shared;

namespace Evolve.Core.Tests.Reports.Run;

/// <summary>The report's cost: what run.db priced, said plainly when it could not price something.</summary>
public sealed class RunReportCostTests
{
    private static readonly Candidate Seed = new(new Dictionary<string, string> { ["system.sbn"] = "Answer.\n" });

    private static UsageSummary Usage(TempDirectory dir, params decimal?[] costs)
    {
        using var store = RunStore.Create(dir.Path, new RunInfo
        {
            Id = "r", Kind = "eval", Suite = "calc", SuiteHash = "h", Agent = "calc", Model = "openai:gpt-4o-mini", Simulated = false,
            OptionsJson = "{}", StartedAt = DateTimeOffset.UnixEpoch,
        }, TimeProvider.System);
        store.SaveCandidate(Seed);
        store.WriteRollouts([.. costs.Select((c, i) => new Rollout
        {
            CandidateId = Seed.Id, CaseId = $"c{i}", Repeat = 0, Split = Split.Val, Output = "x", Score = new CaseScore(1, true, "", []),
            InputTokens = 100, OutputTokens = 10, Cost = c,
        })]);
        return RunReportBuilder.Build(store).Usage;
    }

    [Fact]
    public void Build_EveryRolloutPriced_SumsTheCost()
    {
        using var dir = new TempDirectory();

        var usage = Usage(dir, 0.0015m, 0.0025m);

        Assert.Equal(0.004m, usage.Cost);
        Assert.Equal("$0.0040 at list prices", usage.CostNote);
    }

    [Fact]
    public void Build_SomeRolloutsUnpriced_SaysHowManyAreMissing()
    {
        using var dir = new TempDirectory();

        var usage = Usage(dir, 0.0015m, null, 0.0025m);

        Assert.Equal(0.004m, usage.Cost);
        Assert.Equal("$0.0040 at list prices, 1 of 3 rollouts without a known price", usage.CostNote);
    }

    [Fact]
    public void Build_NoRolloutPriced_SaysThePriceIsUnknown()
    {
        using var dir = new TempDirectory();

        var usage = Usage(dir, null, null);

        Assert.Null(usage.Cost);
        Assert.Equal("unknown: no list price for openai:gpt-4o-mini (add one with --prices)", usage.CostNote);
    }
}
