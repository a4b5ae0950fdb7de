using Evolve.Core.Promotion;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Stats;
using Evolve.Kernel;
using Evolve.Kernel.Agents.Scheduling;
using Evolve.Kernel.Providers.Usage;
using Microsoft.Data.Sqlite;

namespace Evolve.Core.Tests.Runs.Events;

/// <summary>Each event record is written and read back through the store, and reads the rows older runs hold.</summary>
public sealed class RunEventTests
{
    private static readonly PairedComparisonResult Comparison = new()
    {
        N = 7, MeanA = 0.5, MeanB = 0.75, MeanDifference = 0.25, DifferenceInterval = new ConfidenceInterval(0.125, 0.375, 0.95),
        PassRateA = 0.25, PassRateB = 0.5, APassBFail = 1, AFailBPass = 3, McNemarP = 0.625, Wins = 4, Ties = 2, Losses = 1,
        SignTestP = 0.375, PValue = 0.375, EffectSize = 0.8, Verdict = Verdict.Inconclusive, Explanation = "best looks better, but not by enough",
    };

    private static readonly TimingSummary Timing = new(TimeSpan.FromMilliseconds(12.5), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30));

    private static RunStore Create(TempDirectory dir, string id = "r") => RunStore.Create(Path.Combine(dir.Path, "runs"), new RunInfo
    {
        Id = id, Kind = "optimize", Suite = "calc", SuiteHash = "h", Agent = "calc", Model = "sim", Simulated = true, OptionsJson = "{}",
        StartedAt = DateTimeOffset.UnixEpoch,
    }, TimeProvider.System);

    /// <summary>Writes <paramref name="rows"/> into the events table as they are, the way the code before typed events left them.</summary>
    private static void Insert(string directory, params (string Kind, string Data)[] rows)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, RunStore.FileName)};Pooling=False");
        connection.Open();
        foreach (var (kind, data) in rows)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO events (at, kind, data) VALUES ('2026-12-03T12:46:47.0000000+00:00', $kind, $data)";
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$data", data);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The stored (kind, data) rows, in order.</summary>
    private static List<(string Kind, string Data)> Rows(string directory)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, RunStore.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, data FROM events ORDER BY seq";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    private static T RoundTrip<T>(T written)
        where T : class, IRunEvent
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        store.AppendEvent(written);
        Assert.Equal(T.Kind, Assert.Single(Rows(store.Directory)).Kind);
        return Assert.Single(store.LoadEvents<T>());
    }

    /// <summary>Reads <paramref name="data"/> (a stored row) as <typeparamref name="T"/> and writes it again in a fresh run: the new row's text.</summary>
    private static string Rewritten<T>(string data)
        where T : class, IRunEvent
    {
        using var dir = new TempDirectory();
        using (var old = Create(dir, "old"))
        {
            Insert(old.Directory, (T.Kind, data));
            using var fresh = Create(dir, "new");
            fresh.AppendEvent(Assert.Single(old.LoadEvents<T>()));
            return Assert.Single(Rows(fresh.Directory)).Data;
        }
    }

    [Fact]
    public void Kind_OfEveryRecord_IsTheTextStoredToday()
    {
        string[] kinds =
        [
            GenerationSummary.Kind, ProposalSkippedEvent.Kind, HoldoutEvent.Kind, SchedulerEvent.Kind, UsageEvent.Kind,
            FinishedEvent.Kind, PromotionEvent.Kind, CompareEvent.Kind,
        ];

        Assert.Equal(["generation", "proposal-skipped", "holdout", "scheduler", "usage", "finished", "promotion", "compare"], kinds);
        Assert.Equal(TodaysEventRows.All.Select(r => r.Kind).Distinct().Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GenerationSummary_RoundTrips()
    {
        var written = new GenerationSummary
        {
            Generation = 3, Spent = 120, Budget = 400, BestScore = 0.8125, BestId = "abc123def456", FrontSize = 2, PoolSize = 5,
            Proposed = 8, Accepted = 3, Rejected = 4, Guarded = 1, Raced = 2, RacingSaved = 17, Merged = 1,
        };

        Assert.Equal(written, RoundTrip(written));
    }

    [Fact]
    public void ProposalSkippedEvent_RoundTrips_WithAndWithoutChild()
    {
        var refused = new ProposalSkippedEvent(2, "abc123def456", "fedcba654321", "system.sbn", "guard: too long");
        var unmade = new ProposalSkippedEvent(2, "abc123def456", null, "task.sbn", "the parent is already perfect on this minibatch");

        Assert.Equal(refused, RoundTrip(refused));
        Assert.Equal(unmade, RoundTrip(unmade));
    }

    [Fact]
    public void HoldoutEvent_RoundTrips()
    {
        var written = new HoldoutEvent(1, "finalist-id", "seed-id", 0.6875, 0.75, Comparison);

        Assert.Equal(written, RoundTrip(written));
    }

    [Fact]
    public void FinalPickEvent_RoundTrips()
    {
        var written = new FinalPickEvent(3, "seed-id", 0.61, "leader-id", false, [new FinalPickContender("leader-id", 0.9, 0.66, 0.05, 0.01, 0.04), new FinalPickContender("other-id", 0.95, 0.6, -0.01, 0.02, -0.03)]);

        var read = RoundTrip(written);

        Assert.Equal(written with { Contenders = [] }, read with { Contenders = [] });
        Assert.Equal(written.Contenders, read.Contenders);
        Assert.Equal("final-pick", FinalPickEvent.Kind);
    }

    [Fact]
    public void SchedulerEvent_RoundTrips()
    {
        var overall = new CallTimings(9, Timing, Timing with { P95 = TimeSpan.FromSeconds(1) });
        var written = new SchedulerEvent(4, overall, new Dictionary<string, CallTimings> { ["seed-id"] = overall with { Count = 5 }, ["child-id"] = overall with { Count = 4 } });

        var read = RoundTrip(written);

        Assert.Equal((written.Slots, written.Overall), (read.Slots, read.Overall));
        Assert.Equal(written.PerOwner.OrderBy(p => p.Key, StringComparer.Ordinal), read.PerOwner.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void UsageEvent_RoundTrips()
    {
        var written = new UsageEvent(new UsageTotals(20, 3, 1800, 200) { FailedAttempts = 2, Cost = 0.0125m, UnpricedCalls = 1 }, new UsageTotals(2, 0, 3000, 800), 2);

        Assert.Equal(written, RoundTrip(written));
    }

    [Fact]
    public void FinishedEvent_RoundTrips()
    {
        var written = new FinishedEvent("best-id", 0.125, Verdict.BBetter, "budget: 48 of 100 rollouts spent");

        Assert.Equal(written, RoundTrip(written));
    }

    [Fact]
    public void PromotionEvent_RoundTrips_RefusedAndPromoted()
    {
        var refused = new PromotionEvent("cand-id", "calc", false, Gates: [new GateResult("artifacts", true, "parse"), new GateResult("size", false, "too long")]);
        var promoted = new PromotionEvent("cand-id", "calc", true, Version: 4, Channel: "canary");

        var readRefused = RoundTrip(refused);
        Assert.Equal(refused with { Gates = null }, readRefused with { Gates = null });
        Assert.Equal(refused.Gates!, readRefused.Gates!);
        Assert.Equal(promoted, RoundTrip(promoted));
    }

    [Fact]
    public void CompareEvent_RoundTrips()
    {
        var written = new CompareEvent("a-id", "b-id", 30, 0.7, 0.75, 0.05, Verdict.NoSignificantDifference, "not enough evidence that A and B differ");

        Assert.Equal(written, RoundTrip(written));
    }

    [Fact]
    public void TodaysRows_ReadAsTypedRecords()
    {
        using var dir = new TempDirectory();
        string directory;
        using (var store = Create(dir))
        {
            directory = store.Directory;
        }

        Insert(directory, [.. TodaysEventRows.All]);
        using var run = RunStore.OpenReadOnly(directory, TimeProvider.System);

        var generation = Assert.Single(run.LoadEvents<GenerationSummary>());
        Assert.Equal((1, 53, 200, 0.5625, "18c0004dd165", 12, 5, 5, 1), (generation.Generation, generation.Spent, generation.Budget, generation.BestScore, generation.BestId, generation.Proposed, generation.Accepted, generation.Rejected, generation.Guarded));
        Assert.Equal([null, "ef3b207cc5e5"], run.LoadEvents<ProposalSkippedEvent>().Select(p => p.Child));
        var holdout = Assert.Single(run.LoadEvents<HoldoutEvent>());
        Assert.Equal((0, 7, 7, Verdict.NoSignificantDifference, 0.95), (holdout.Rank, holdout.Comparison.N, holdout.Comparison.Ties, holdout.Comparison.Verdict, holdout.Comparison.DifferenceInterval.Level));
        var scheduler = run.LastEvent<SchedulerEvent>()!;
        Assert.Equal((16, 91, TimeSpan.FromTicks(14715)), (scheduler.Slots, scheduler.Overall.Count, scheduler.Overall.Turnaround.Mean));
        Assert.Equal(58, scheduler.PerOwner["18c0004dd1655d55a38698a52d29105a4dec19bff1e11cab90b55f7d3d151be3"].Count);
        var usage = Assert.Single(run.LoadEvents<UsageEvent>());
        Assert.Equal((1, 98L, 9489L, 491L), (usage.Invocation, usage.Total.Calls, usage.Total.InputTokens, usage.Total.OutputTokens));
        var finished = run.LastEvent<FinishedEvent>()!;
        Assert.Equal((0.0, Verdict.NoSignificantDifference), (finished.MeanDifference, finished.Verdict));
        Assert.StartsWith("budget: 56 of 200", finished.StopReason, StringComparison.Ordinal);
        var promotions = run.LoadEvents<PromotionEvent>();
        Assert.Equal([(false, "artifacts", (int?)null), (true, null, 2)], promotions.Select(p => (p.Passed, p.Gates?.Single().Name, p.Version)));
        Assert.Equal("live", promotions[1].Channel);
        var compared = run.LastEvent<CompareEvent>()!;
        Assert.Equal((30, Verdict.NoSignificantDifference), (compared.N, compared.Verdict));
        Assert.Contains("+0.033", compared.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TodaysRows_WrittenAgain_AreTheSameText()
    {
        Assert.Equal(TodaysEventRows.Generation, Rewritten<GenerationSummary>(TodaysEventRows.Generation));
        Assert.Equal(TodaysEventRows.ProposalSkippedWithoutChild, Rewritten<ProposalSkippedEvent>(TodaysEventRows.ProposalSkippedWithoutChild));
        Assert.Equal(TodaysEventRows.ProposalSkippedWithChild, Rewritten<ProposalSkippedEvent>(TodaysEventRows.ProposalSkippedWithChild));
        Assert.Equal(TodaysEventRows.Holdout, Rewritten<HoldoutEvent>(TodaysEventRows.Holdout));
        Assert.Equal(TodaysEventRows.Scheduler, Rewritten<SchedulerEvent>(TodaysEventRows.Scheduler));
        Assert.Equal(TodaysEventRows.Usage, Rewritten<UsageEvent>(TodaysEventRows.Usage));
        Assert.Equal(TodaysEventRows.Finished, Rewritten<FinishedEvent>(TodaysEventRows.Finished));
        Assert.Equal(TodaysEventRows.PromotionRefused, Rewritten<PromotionEvent>(TodaysEventRows.PromotionRefused));
        Assert.Equal(TodaysEventRows.PromotionPassed, Rewritten<PromotionEvent>(TodaysEventRows.PromotionPassed));
        Assert.Equal(TodaysEventRows.Compare, Rewritten<CompareEvent>(TodaysEventRows.Compare));
    }

    [Fact]
    public void FinishedEvent_WithoutTheHoldoutCheck_ReadsWithNoVerdict()
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        const string Row = """{"best":"d-id","stopReason":"budget: 48 of 100 rollouts spent"}""";
        Insert(store.Directory, ("finished", Row));

        Assert.Equal(new FinishedEvent("d-id", null, null, "budget: 48 of 100 rollouts spent"), store.LastEvent<FinishedEvent>());
        Assert.Equal(Row, Rewritten<FinishedEvent>(Row));
    }

    [Fact]
    public void LastEvent_IsTheNewestOfItsKind_OrNull()
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        Assert.Null(store.LastEvent<FinishedEvent>());

        store.AppendEvent(new FinishedEvent("first", 0, Verdict.InsufficientData, null));
        store.AppendEvent(new UsageEvent(UsageTotals.Zero, UsageTotals.Zero, 1));
        store.AppendEvent(new FinishedEvent("second", 0.5, Verdict.BBetter, "resumed"));

        Assert.Equal("second", store.LastEvent<FinishedEvent>()!.Best);
        Assert.Equal(["first", "second"], store.LoadEvents<FinishedEvent>().Select(f => f.Best));
        Assert.Single(store.LoadEvents<UsageEvent>());
        Assert.Empty(store.LoadEvents<CompareEvent>());
    }

    [Fact]
    public void LoadEvents_PayloadNotOfItsKind_NamesTheDatabaseAndEvent()
    {
        using var dir = new TempDirectory();
        using var store = Create(dir);
        Insert(store.Directory, ("holdout", """{"rank":"first"}"""), ("holdout", "null"));

        var error = Assert.Single(Assert.Throws<InputException>(() => store.LoadEvents<HoldoutEvent>()).Errors);

        Assert.Equal((Path.Combine(store.Directory, RunStore.FileName), "events.data of event 1 (holdout)"), (error.File, error.Field));
        Assert.StartsWith("is not a holdout event: ", error.Message, StringComparison.Ordinal);
        var empty = Assert.Single(Assert.Throws<InputException>(() => store.LastEvent<HoldoutEvent>()).Errors);
        Assert.Equal(("events.data of event 2 (holdout)", "is null"), (empty.Field, empty.Message));
    }
}
