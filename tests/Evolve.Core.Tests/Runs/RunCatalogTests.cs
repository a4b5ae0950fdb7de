using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Runs.Events;
using Evolve.Core.Scoring;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Runs;

public sealed class RunCatalogTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static RunStore Create(TempDirectory dir, string id, string kind, string options = "{}", int minutes = 0) =>
        RunStore.Create(Path.Combine(dir.Path, "runs"), new RunInfo
        {
            Id = id, Kind = kind, Suite = kind == "eval" ? "other" : "calc", SuiteHash = "h", Agent = "calc", Model = "sim", Simulated = true,
            OptionsJson = options, StartedAt = Start.AddMinutes(minutes),
        }, new FakeTimeProvider(Start.AddMinutes(minutes + 2)));

    private static Rollout Rollout(Candidate c, string caseId, int repeat, double score, Split split = Split.Val) => new()
    {
        CandidateId = c.Id, CaseId = caseId, Repeat = repeat, Split = split, Output = "x", Score = new CaseScore(score, score >= 0.5, "", []),
    };

    private static Candidate Candidate(string system) => new(new Dictionary<string, string> { ["system.sbn"] = system });

    [Fact]
    public void List_EachKind_SummarizesItsHeadlineNumbers()
    {
        using var dir = new TempDirectory();
        var (seed, child) = (Candidate("seed"), Candidate("child"));
        using (var run = Create(dir, "r-opt", "optimize", """{"budget":300}""", minutes: 0))
        {
            run.SaveCandidate(seed, CandidateStatus.Pool, new { });
            run.SaveCandidate(child, CandidateStatus.Pool, new { });
            run.WriteRollouts([Rollout(seed, "v1", 0, 0.25), Rollout(child, "v1", 0, 0.5), Rollout(child, "v2", 0, 1), Rollout(child, "t1", 0, 0, Split.Train)]);
            run.AppendEvent(new FinishedEvent(child.Id, 0.125, Verdict.BBetter, null));
            run.SetStatus(RunStatus.Finished);
        }

        using (var eval = Create(dir, "r-eval", "eval", minutes: 1))
        {
            eval.SaveCandidate(seed);
            // Case means 0.5 (two repeats) and 1: the mean case score is 0.75, not the rollout mean 2/3.
            eval.WriteRollouts([Rollout(seed, "a", 0, 0), Rollout(seed, "a", 1, 1), Rollout(seed, "b", 0, 1)]);
            eval.SetStatus(RunStatus.Finished);
        }

        using (var compare = Create(dir, "r-compare", "compare", minutes: 2))
        {
            compare.AppendEvent(new CompareEvent("a", "b", 10, 0.5, 0.3, -0.2, Verdict.NoSignificantDifference, "not enough evidence that A and B differ"));
            compare.SetStatus(RunStatus.Interrupted);
        }

        var runs = RunCatalog.List(Path.Combine(dir.Path, "runs"), new FakeTimeProvider(Start.AddHours(1)));

        Assert.Equal(["r-compare", "r-eval", "r-opt"], runs.Select(r => r.Id));
        var opt = runs[2];
        Assert.Equal(("optimize", "calc", "sim", true, RunStatus.Finished), (opt.Kind, opt.Suite, opt.Model, opt.Simulated, opt.Status));
        // Best validation mean among the pool: the child's (0.5 + 1) / 2.
        Assert.Equal((4, (int?)300, (double?)0.75, RunScoreKind.BestVal), (opt.Rollouts, opt.Budget, opt.Score, opt.ScoreKind));
        Assert.Equal(TimeSpan.FromMinutes(2), opt.Duration);
        Assert.Equal((3, (int?)null, (double?)0.75, "mean"), (runs[1].Rollouts, runs[1].Budget, runs[1].Score, runs[1].ScoreKind));
        Assert.Equal(((double?)-0.2, RunScoreKind.Diff, RunStatus.Interrupted), (runs[0].Score, runs[0].ScoreKind, runs[0].Status));

        // One token each, so a script can match it; the words are the ones runs list and compare print.
        Assert.Equal(["diff", "mean", "best-val"], runs.Select(r => r.ScoreKind));
    }

    [Fact]
    public void Show_OptimizeRun_GivesBestCandidateVerdictAndReports()
    {
        using var dir = new TempDirectory();
        var best = Candidate("best");
        using (var run = Create(dir, "20260102-030405-calc-run-abcdef", "optimize", """{"budget":10}"""))
        {
            run.SaveCandidate(Candidate("seed"), CandidateStatus.Pool, new { });
            run.SaveCandidate(best, CandidateStatus.Pool, new { });
            run.WriteRollouts([Rollout(best, "v", 0, 0.9)]);
            run.AppendEvent(new FinishedEvent(best.Id, 0.125, Verdict.BBetter, null));
            run.SetStatus(RunStatus.Finished);
        }

        File.WriteAllText(Path.Combine(dir.Path, "runs", "20260102-030405-calc-run-abcdef", "report.html"), "<html></html>");

        var details = RunCatalog.Show(Path.Combine(dir.Path, "runs"), "20260102", TimeProvider.System);

        Assert.Equal((2, best.Id), (details.Candidates, details.BestCandidate));
        Assert.Equal("holdout: best beats seed, best - seed = +0.125", details.Verdict);
        Assert.Equal([Path.Combine(dir.Path, "runs", "20260102-030405-calc-run-abcdef", "report.html")], details.Reports);
        Assert.Contains("\"budget\": 10", details.Options, StringComparison.Ordinal);
    }

    [Fact]
    public void List_CorruptAndForeignDatabases_AreUnreadableWithTheReason()
    {
        using var dir = new TempDirectory();
        dir.Write("runs/junk/run.db", new string('x', 4096));
        using (var foreign = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dir.Write("runs/foreign/run.db", "")};Pooling=false"))
        {
            foreign.Open();
            using var command = foreign.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT)";
            command.ExecuteNonQuery();
        }

        var runs = RunCatalog.List(Path.Combine(dir.Path, "runs"), TimeProvider.System);

        Assert.All(runs, r => Assert.Equal(RunCatalog.Unreadable, r.Status));
        Assert.Equal("not an evolve run database (no such table: run)", runs.Single(r => r.Id == "foreign").Note);
        Assert.Equal("file is not a database", runs.Single(r => r.Id == "junk").Note);
    }

    [Fact]
    public void List_ReadsWithoutCreatingOrChangingAnyFile()
    {
        using var dir = new TempDirectory();
        using (var run = Create(dir, "r1", "eval"))
        {
            run.SetStatus(RunStatus.Finished);
        }

        dir.Write("runs/junk/run.db", new string('x', 4096));
        string Snapshot() => string.Join("\n", Directory.EnumerateFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => $"{p} {(File.Exists(p) ? new FileInfo(p).Length : -1)} {File.GetLastWriteTimeUtc(p):O}"));
        var before = Snapshot();

        RunCatalog.List(Path.Combine(dir.Path, "runs"), TimeProvider.System);
        RunCatalog.Show(Path.Combine(dir.Path, "runs"), "r1", TimeProvider.System);

        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void List_RunningWithAnAbandonedLock_IsInterrupted_WithTheLockHeld_IsRunning()
    {
        using var dir = new TempDirectory();
        Create(dir, "abandoned", "optimize").Dispose();
        Create(dir, "alive", "optimize").Dispose();
        Create(dir, "unlocked", "eval").Dispose();
        File.WriteAllText(Path.Combine(dir.Path, "runs", "abandoned", "run.lock"), "");
        using var held = new FileStream(Path.Combine(dir.Path, "runs", "alive", "run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var runs = RunCatalog.List(Path.Combine(dir.Path, "runs"), TimeProvider.System).ToDictionary(r => r.Id);

        Assert.Equal(RunStatus.Interrupted, runs["abandoned"].Status);
        Assert.Contains("no process holds its lock", runs["abandoned"].Note, StringComparison.Ordinal);
        Assert.Equal((RunStatus.Running, (string?)null), (runs["alive"].Status, runs["alive"].Note));
        // An eval takes no lock: its stored status is all there is.
        Assert.Equal(RunStatus.Running, runs["unlocked"].Status);
    }

    [Fact]
    public void List_NoRunsFolder_IsEmpty()
    {
        Assert.Empty(RunCatalog.List(Path.Combine(Path.GetTempPath(), "evolve-no-such-" + Guid.NewGuid().ToString("N")), TimeProvider.System));
    }

    [Theory]
    [InlineData("../r1")]
    [InlineData("/etc")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void Find_PathInsteadOfId_IsRefused(string run)
    {
        using var dir = new TempDirectory();
        Create(dir, "r1", "eval").Dispose();

        var error = Assert.Throws<InputException>(() => RunCatalog.Find(Path.Combine(dir.Path, "runs"), run, "RUN"));

        Assert.Equal(("RUN", "a run id is a plain folder name under the runs folder"), (error.Errors[0].File, error.Errors[0].Message));
    }

    [Fact]
    public void Find_ExactPrefixAmbiguousUnknown()
    {
        using var dir = new TempDirectory();
        Create(dir, "r1", "eval").Dispose();
        Create(dir, "r10", "eval").Dispose();
        Create(dir, "s2", "eval").Dispose();
        var runs = Path.Combine(dir.Path, "runs");

        Assert.Equal(Path.Combine(runs, "r1"), RunCatalog.Find(runs, "r1", "RUN"));
        Assert.Equal(Path.Combine(runs, "s2"), RunCatalog.Find(runs, "s", "RUN"));
        Assert.Contains("matches 2 runs (r1, r10)", Assert.Throws<InputException>(() => RunCatalog.Find(runs, "r", "RUN")).Message, StringComparison.Ordinal);
        Assert.Contains("no run with this id", Assert.Throws<InputException>(() => RunCatalog.Find(runs, "t", "RUN")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Latest_IsTheNewestRunOfTheKindAsked()
    {
        using var dir = new TempDirectory();
        Create(dir, "b-optimize-old", "optimize", minutes: 0).Dispose();
        Create(dir, "a-optimize-new", "optimize", minutes: 10).Dispose();
        Create(dir, "c-eval-newest", "eval", minutes: 20).Dispose();
        var runs = Path.Combine(dir.Path, "runs");

        Assert.Equal(Path.Combine(runs, "c-eval-newest"), RunCatalog.Find(runs, RunCatalog.Latest, "RUN"));
        Assert.Equal(Path.Combine(runs, "a-optimize-new"), RunCatalog.Find(runs, RunCatalog.Latest, "RUN", "optimize"));
    }

    [Fact]
    public void Find_LatestWithNoRunOfThatKind_SaysSo()
    {
        using var dir = new TempDirectory();
        Create(dir, "only-eval", "eval").Dispose();
        var runs = Path.Combine(dir.Path, "runs");

        var error = Assert.Throws<InputException>(() => RunCatalog.Find(runs, "latest", "--resume", "optimize"));

        Assert.Equal($"--resume: latest: no optimize run under {runs} yet (evolve runs list shows them)", error.Message);
    }
}
