using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Tests.Fakes;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Core.Tests.Evaluation;

public sealed class EvaluationEngineTests
{
    private static string Sum(string q) =>
        q.Split('+').Sum(int.Parse).ToString(CultureInfo.InvariantCulture);

    private static (EvaluationPlan Plan, ScriptedChatClient Client) Plan(TempDirectory dir, int cases, int repeat, int concurrency, Func<string, string> answer)
    {
        var client = new ScriptedChatClient((messages, _) => answer(messages[^1].Text));
        var agent = TestSuites.Calculator(Path.Combine(dir.Path, "prompts"));
        var plan = new EvaluationPlan
        {
            Suite = TestSuites.Arithmetic(cases), Cases = TestSuites.Arithmetic(cases).Cases, Repeat = repeat,
            Candidate = new Candidate(new Dictionary<string, string> { ["system.sbn"] = "x" }), Agent = agent,
            Model = client, Scorer = new EqualsScorer(), Concurrency = concurrency,
        };
        return (plan, client);
    }

    private static RunStore NewStore(TempDirectory dir) => RunStore.Create(Path.Combine(dir.Path, "runs"), new RunInfo
    {
        Id = "r1", Kind = "eval", Suite = "arith", SuiteHash = "h", Agent = "calc", Model = "scripted", Simulated = false,
        OptionsJson = "{}", StartedAt = DateTimeOffset.UnixEpoch,
    }, TimeProvider.System);

    [Fact]
    public async Task RunAsync_AllCasesTimesRepeats_AreRunScoredAndStored()
    {
        using var dir = new TempDirectory();
        var (plan, client) = Plan(dir, cases: 30, repeat: 2, concurrency: 4, Sum);
        using var store = NewStore(dir);

        var summary = await new EvaluationEngine(store, TimeProvider.System).RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(60, client.Calls);
        Assert.Equal(1.0, summary.MeanScore);
        Assert.Equal(60, store.LoadRollouts(plan.Candidate.Id).Count);
        Assert.InRange(client.PeakConcurrency, 1, 4);
    }

    [Fact]
    public async Task RunAsync_EachRequest_CarriesCaseIdAndRepeatButNoOracle()
    {
        using var dir = new TempDirectory();
        var (plan, client) = Plan(dir, cases: 2, repeat: 3, concurrency: 1, Sum);
        using var store = NewStore(dir);

        await new EvaluationEngine(store, TimeProvider.System).RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        var seen = client.SeenOptions.Select(o => ((string)o!.AdditionalProperties![ModelRequestKeys.CaseId]!, (int)o.AdditionalProperties[ModelRequestKeys.Repeat]!));
        Assert.Equal([("c0", 0), ("c0", 1), ("c0", 2), ("c1", 0), ("c1", 1), ("c1", 2)], seen.Order());
        Assert.All(client.SeenOptions, o => Assert.DoesNotContain(o!.AdditionalProperties!.Values, v => v is SimOracle));
    }

    [Fact]
    public async Task RunAsync_ModelThrowsForOneCase_RecordsAFailedRolloutAndGoesOn()
    {
        using var dir = new TempDirectory();
        var (plan, _) = Plan(dir, cases: 10, repeat: 1, concurrency: 3, q => q == "4+4" ? throw new HttpRequestException("connection reset") : Sum(q));
        using var store = NewStore(dir);

        var summary = await new EvaluationEngine(store, TimeProvider.System).RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        var failed = Assert.Single(summary.Rollouts, r => r.Error is not null);
        Assert.Equal("c4", failed.CaseId);
        Assert.Contains("connection reset", failed.Score.Feedback, StringComparison.Ordinal);
        Assert.Equal(9, summary.Rollouts.Count(r => r.Score.Pass));
    }

    [Fact]
    public async Task RunAsync_SecondRunOnSameStore_ReusesStoredRolloutsWithoutCallingTheModel()
    {
        using var dir = new TempDirectory();
        var (plan, first) = Plan(dir, cases: 12, repeat: 1, concurrency: 2, Sum);
        using var store = NewStore(dir);
        await new EvaluationEngine(store, TimeProvider.System).RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);
        var (again, second) = Plan(dir, cases: 12, repeat: 2, concurrency: 2, Sum);

        var summary = await new EvaluationEngine(store, TimeProvider.System).RunAsync(again, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(12, first.Calls);
        Assert.Equal(12, second.Calls); // only repeat 1 of each case is new
        Assert.Equal(24, summary.Rollouts.Count);
        Assert.Equal(12, summary.NewRollouts);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KeepsEveryFinishedRollout()
    {
        using var dir = new TempDirectory();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var answered = 0;
        var (plan, _) = Plan(dir, cases: 200, repeat: 1, concurrency: 1, q =>
        {
            if (Interlocked.Increment(ref answered) == 50)
            {
                cts.Cancel();
            }

            return Sum(q);
        });
        using var store = NewStore(dir);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EvaluationEngine(store, TimeProvider.System).RunAsync(plan, cancellationToken: cts.Token));

        var stored = store.LoadRollouts().Count;
        Assert.InRange(stored, 49, 50);
    }
}
