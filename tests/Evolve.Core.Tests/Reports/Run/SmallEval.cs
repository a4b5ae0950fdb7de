using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;

namespace Evolve.Core.Tests.Reports.Run;

/// <summary>
/// An eval run as <c>evolve eval</c> stores it: one candidate, four cases with two repeats each;
/// 5 of 8 rollouts pass and the mean of the case means is 0.750.
/// </summary>
internal static class SmallEval
{
    public static readonly Candidate Seed = new(new Dictionary<string, string> { ["system.sbn"] = "Answer briefly.\n" });

    /// <summary>Creates the run under <paramref name="runs"/> and returns its folder.</summary>
    public static string Create(string runs)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 1, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        using var store = RunStore.Create(runs, new RunInfo
        {
            Id = "20261124-000000-demo-eval-abcdef", Kind = "eval", Suite = "demo", SuiteHash = "h", Agent = "demo", Model = "sim", Simulated = true,
            OptionsJson = "{}", StartedAt = time.GetUtcNow(),
        }, time);
        store.SaveCandidate(Seed);
        (string Case, int Repeat, double Score)[] scores = [("c1", 0, 1), ("c1", 1, 1), ("c2", 0, 0), ("c2", 1, 1), ("c3", 0, 1), ("c3", 1, 1), ("c4", 0, 0.5), ("c4", 1, 0.5)];
        store.WriteRollouts([.. scores.Select(s => new Rollout
        {
            CandidateId = Seed.Id, CaseId = s.Case, Repeat = s.Repeat, Split = Split.Val, Output = "out",
            Score = new CaseScore(s.Score, s.Score >= 1, s.Score >= 1 ? "ok" : "test_negative failed: assert -1 == 1", []),
            InputTokens = 100, OutputTokens = 10,
        })]);
        store.SetStatus(RunStatus.Finished);
        return store.Directory;
    }
}
