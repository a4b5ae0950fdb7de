using Evolve.Core.Reports.Run;
using Evolve.Core.Runs;
using Evolve.Tests.Shared;

namespace Evolve.Core.Tests.Reports.Run;

public sealed class RunReportBuilderTests
{
    private static RunReport Build(TempDirectory dir, string kind = "optimize")
    {
        using var store = RunStore.Open(SmallRun.Create(dir.Path, kind), TimeProvider.System);
        return RunReportBuilder.Build(store);
    }

    [Fact]
    public void Build_SmallRun_ReadsTheHeaderWithTheSimulatorLine()
    {
        using var dir = new TempDirectory();

        var h = Build(dir).Header;

        Assert.Equal("model: sim (offline simulator, scores are synthetic)", h.ModelLine);
        Assert.Equal((SmallRun.Id, "finished", 28, 100), (h.RunId, h.Status, h.Spent, h.Budget));
        Assert.Equal("budget: 48 of 100 rollouts spent", h.StopReason);
        Assert.Equal((SmallRun.Seed.Id, SmallRun.D.Id), (h.SeedId, h.BestId));
        Assert.True(h.WallTime > TimeSpan.Zero);
    }

    [Fact]
    public void Build_SmallRun_MarksTheBestPathFrontAndValidationMeans()
    {
        using var dir = new TempDirectory();

        var candidates = Build(dir).Candidates;

        Assert.Equal([SmallRun.Seed.Id, SmallRun.A.Id, SmallRun.B.Id, SmallRun.E.Id, SmallRun.D.Id], candidates.Select(c => c.Id));
        Assert.Equal([SmallRun.Seed.Id, SmallRun.A.Id, SmallRun.D.Id], candidates.Where(c => c.OnBestPath).Select(c => c.Id));
        Assert.Equal([SmallRun.D.Id], candidates.Where(c => c.IsBest).Select(c => c.Id));
        Assert.Equal([0.375, 0.625, null, 1.0, 0.875], candidates.Select(c => c.ValMean));
        // D reaches the best score on every case, so pruning leaves it alone on the front.
        Assert.Equal([SmallRun.D.Id], candidates.Where(c => c.OnFront).Select(c => c.Id));
        Assert.Equal(4, candidates.Single(c => c.IsBest).FrontCount);
    }

    [Fact]
    public void Build_RacedCandidateWithALuckyPartialScore_NeverCountsAsTheRunningBest()
    {
        using var dir = new TempDirectory();

        var curve = Build(dir).ScoreCurve;

        // Rollout order: seed val (4), seed/A/B train (6), A val (4), E val (1), D val (4).
        Assert.Equal([(4, 0.375), (14, 0.625), (19, 0.875)], curve);
    }

    [Fact]
    public void Build_SmallRun_HeatmapHasTheBestFirstAndOneColumnPerValCase()
    {
        using var dir = new TempDirectory();

        var report = Build(dir);

        Assert.Equal(["v1", "v2", "v3", "v4"], report.Cases);
        Assert.Equal(SmallRun.D.Id, report.Heatmap[0].CandidateId);
        Assert.Equal([1.0, 1.0, 1.0, 0.5], report.Heatmap[0].Scores);
        Assert.Equal([1.0, null, null, null], report.Heatmap.Single(r => r.CandidateId == SmallRun.E.Id).Scores);
        Assert.DoesNotContain(report.Heatmap, r => r.CandidateId == SmallRun.B.Id); // never validated
    }

    [Fact]
    public void Build_SmallRun_ReadsTheHoldoutFinalistsWithHolmAtLeastTheRawP()
    {
        using var dir = new TempDirectory();

        var finalists = Build(dir).Finalists;

        Assert.Equal([SmallRun.D.Id, SmallRun.A.Id], finalists.Select(f => f.CandidateId));
        Assert.Equal([0, 1], finalists.Select(f => f.Rank));
        Assert.All(finalists, f => Assert.InRange(f.HolmP, f.PValue, 1.0));
        Assert.Equal((1.0 / 3, 1.0, 2, 1, 0), (finalists[0].SeedMean, finalists[0].FinalistMean, finalists[0].Wins, finalists[0].Ties, finalists[0].Losses));
    }

    [Fact]
    public void Build_SmallRun_DiffsFollowTheBestPathAndBestVsSeedHasOnlyChangedArtifacts()
    {
        using var dir = new TempDirectory();

        var report = Build(dir);

        Assert.Equal([(SmallRun.Seed.Id, SmallRun.A.Id), (SmallRun.A.Id, SmallRun.D.Id)], report.Diffs.Select(d => (d.ParentId, d.ChildId)));
        var change = Assert.Single(report.BestVsSeed);
        Assert.Equal(("system.sbn", "Answer briefly.\n", SmallRun.D.Components["system.sbn"]), (change.Component, change.Before, change.After));
    }

    [Fact]
    public void Build_SmallRun_SumsUsageAndClustersTheFailures()
    {
        using var dir = new TempDirectory();

        var report = Build(dir);

        var u = report.Usage;
        // Tokens are the recorded calls' (task 2,800 as the rollouts carry, reflection 4,500), not the rollouts' alone.
        Assert.Equal((28, 7300L), (u.Rollouts, u.InputTokens));
        Assert.Equal("none: the simulator has no price", u.CostNote);
        Assert.Equal(2, u.Errors); // seed and A fail v3 with a timeout
        Assert.Equal([("timeout after 10s", 2)], u.TopErrors);
        Assert.True(u.LatencyP95Ms >= u.LatencyP50Ms && u.LatencyP50Ms > 0);
        Assert.NotEmpty(report.Clusters);
        Assert.Equal(12, report.Clusters.Sum(c => c.Count)); // every failing rollout with feedback lands in one cluster
    }

    [Fact]
    public void Build_SmallRun_CarriesTheSchedulersSlotsAndTimings()
    {
        using var dir = new TempDirectory();

        var scheduler = Build(dir).Usage.Scheduler;

        Assert.NotNull(scheduler);
        Assert.Equal((2, 28, 5), (scheduler.Slots, scheduler.Overall.Count, scheduler.PerOwner.Count));
        Assert.Equal(TimeSpan.FromMilliseconds(40), scheduler.Overall.Waiting.P95);
    }

    [Fact]
    public void Build_EvalRun_HasNoSchedulerFigures()
    {
        using var dir = new TempDirectory();

        Assert.Null(Build(dir, "eval").Usage.Scheduler);
    }

    [Fact]
    public void Build_EvalRun_HasNoCurveDiffsOrFinalistsButScoresEveryCase()
    {
        using var dir = new TempDirectory();

        var report = Build(dir, "eval");

        Assert.False(report.IsOptimization);
        Assert.Empty(report.ScoreCurve);
        Assert.Empty(report.Finalists);
        Assert.Empty(report.Diffs);
        Assert.Equal(["v1", "v2", "v3", "v4", "t1", "t2", "h1", "h2", "h3"], report.Cases);
    }

    [Theory]
    [InlineData(0.50, 3)]
    [InlineData(0.95, 5)]
    [InlineData(0.01, 1)]
    public void Percentile_FiveValues_IsTheNearestRank(double p, double expected) =>
        Assert.Equal(expected, RunReportBuilder.Percentile([1, 2, 3, 4, 5], p));
}
