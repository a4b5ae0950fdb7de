using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Tests.Fakes;
using Evolve.Kernel;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Evaluation;

public sealed class RunPolicyTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RunStore _store;

    public RunPolicyTests() => _store = RunStore.Create(Path.Combine(_dir.Path, "runs"), new RunInfo
    {
        Id = "r1", Kind = "eval", Suite = "arith", SuiteHash = "h", Agent = "calc", Model = "openai:gpt-4.1-mini", Simulated = false,
        OptionsJson = "{}", StartedAt = DateTimeOffset.UnixEpoch,
    }, TimeProvider.System);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static string Sum(string q) => q.Split('+').Sum(int.Parse).ToString(CultureInfo.InvariantCulture);

    private static ModelCallException Failure(ModelCallFailure kind) => new(kind, $"openai:gpt-4.1-mini: {kind} failure", 500);

    private EvaluationPlan Plan(int cases, IChatClient model, int concurrency = 1) => new()
    {
        Suite = TestSuites.Arithmetic(cases), Cases = TestSuites.Arithmetic(cases).Cases, Repeat = 1,
        Candidate = new Candidate(new Dictionary<string, string> { ["system.sbn"] = "x" }),
        Agent = TestSuites.Calculator(Path.Combine(_dir.Path, "prompts")), Model = model, Scorer = new EqualsScorer(), Concurrency = concurrency,
    };

    private Task<EvaluationSummary> RunAsync(EvaluationPlan plan) =>
        new EvaluationEngine(_store, TimeProvider.System).RunAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunAsync_PermanentFailure_StopsAsSystemicAndKeepsFinishedRollouts()
    {
        var model = new ScriptedChatClient((m, _) => m[^1].Text == "5+5" ? throw Failure(ModelCallFailure.Permanent) : Sum(m[^1].Text));

        var ex = await Assert.ThrowsAsync<SystemicFailureException>(() => RunAsync(Plan(10, model)));

        Assert.Contains("failed permanently", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ModelCallException>(ex.InnerException);
        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], _store.LoadRollouts().Select(r => r.CaseId));
    }

    [Theory]
    [InlineData(ModelCallFailure.Request)]
    [InlineData(ModelCallFailure.Transient)]
    public async Task RunAsync_RequestOrExhaustedTransientFailureOnOneCase_IsThatCasesErrorAndTheRunGoesOn(ModelCallFailure kind)
    {
        var model = new ScriptedChatClient((m, _) => m[^1].Text == "3+3" ? throw Failure(kind) : Sum(m[^1].Text));

        var summary = await RunAsync(Plan(8, model));

        var failed = Assert.Single(summary.Rollouts, r => r.Error is not null);
        Assert.Equal("c3", failed.CaseId);
        Assert.Equal(0, failed.Score.Value);
        Assert.Contains($"{kind} failure", failed.Error, StringComparison.Ordinal);
        Assert.Equal(8, _store.LoadRollouts().Count);
    }

    [Fact]
    public async Task RunAsync_TransientFailuresInARow_BecomeSystemicWithoutStoringTheStreakSoResumeRetriesIt()
    {
        var calls = 0;
        var flaky = new ScriptedChatClient((m, _) => Interlocked.Increment(ref calls) > 4 ? throw new HttpRequestException("connection refused") : Sum(m[^1].Text));

        var ex = await Assert.ThrowsAsync<SystemicFailureException>(() => RunAsync(Plan(30, flaky)));

        Assert.StartsWith($"{TransientStreak.DefaultLimit} rollouts in a row failed with transient model errors", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["c0", "c1", "c2", "c3"], _store.LoadRollouts().Select(r => r.CaseId));

        var resumed = new ScriptedChatClient((m, _) => Sum(m[^1].Text));
        var summary = await RunAsync(Plan(30, resumed));
        Assert.Equal(26, resumed.Calls);
        Assert.Equal(30, summary.Rollouts.Count(r => r.Score.Pass));
    }

    [Fact]
    public async Task RunAsync_TransientFailuresBrokenByAnswers_AreStoredAsCaseFailures()
    {
        var model = new ScriptedChatClient((m, _) => int.Parse(m[^1].Text.Split('+')[0], CultureInfo.InvariantCulture) % 3 == 0
            ? throw Failure(ModelCallFailure.Transient)
            : Sum(m[^1].Text));

        var summary = await RunAsync(Plan(30, model, concurrency: 4));

        Assert.Equal(10, summary.Errors);
        Assert.Equal(10, _store.LoadRollouts().Count(r => r.Error is not null));
    }

    [Fact]
    public async Task RunAsync_PricedModel_RecordsCostPerRolloutAndInTheSummary()
    {
        var scripted = new ScriptedChatClient((m, _) => Sum(m[^1].Text));
        using var model = new UsageAccountingChatClient(scripted, new UsageLedger(), "openai:gpt-4.1-mini");

        var summary = await RunAsync(Plan(3, model));

        // The fake reports 10 input tokens and one output token per character of the answer: "0", "2", "4".
        var each = ((10 * 0.40m) + (1 * 1.60m)) / 1_000_000m;
        Assert.All(summary.Rollouts, r => Assert.Equal(each, r.Cost));
        Assert.Equal(3 * each, summary.Cost);
        Assert.All(_store.LoadRollouts(), r => Assert.Equal((double)each, (double)r.Cost!.Value, 12));
    }

    [Fact]
    public async Task RunAsync_UnpricedModel_LeavesCostUnknown()
    {
        var summary = await RunAsync(Plan(2, new ScriptedChatClient((m, _) => Sum(m[^1].Text))));

        Assert.All(summary.Rollouts, r => Assert.Null(r.Cost));
        Assert.Equal(2, summary.UnpricedRollouts);
        Assert.All(_store.LoadRollouts(), r => Assert.Null(r.Cost));
    }
}
