using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Core.Promotion;
using Evolve.Core.Runs;
using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Core.Tests.Compare;
using Evolve.Core.Tests.Fakes;
using Evolve.Core.Workspace;
using Evolve.Kernel.Library;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Tests.Promotion;

/// <summary>
/// PromotionJob on real files and a real run database, with a scripted (non-simulated) model that
/// answers correctly only when the system prompt asks it to compute carefully.
/// </summary>
public sealed class PromotionJobTests
{
    /// <summary>A run with the seed and a careful child in the pool; the child scored higher on validation.</summary>
    private static (string RunId, Candidate Child) Run(TempDirectory dir)
    {
        var suite = SuiteLoader.Load(Path.Combine(dir.Path, "evals"), "calc");
        var seed = new Candidate(new Dictionary<string, string> { ["system.sbn"] = CompareWorkspace.Live, ["task.sbn"] = "{{ q }}" });
        var child = new Candidate(new Dictionary<string, string> { ["system.sbn"] = CompareWorkspace.Careful, ["task.sbn"] = "{{ q }}" }, [seed.Id], "reflect", 1);
        using var store = RunStore.Create(Path.Combine(dir.Path, "runs"), new RunInfo
        {
            Id = "r1", Kind = "optimize", Suite = "calc", SuiteHash = suite.ContentHash, Agent = "calc", Model = "scripted:calc",
            Simulated = false, OptionsJson = "{}", StartedAt = DateTimeOffset.UnixEpoch,
        }, TimeProvider.System);
        store.SaveCandidate(seed, CandidateStatus.Pool, new { });
        store.SaveCandidate(child, CandidateStatus.Pool, new { });
        Rollout Val(Candidate c, double score) => new()
        {
            CandidateId = c.Id, CaseId = "s7", Repeat = 0, Split = Split.Val, Output = "x", Score = new CaseScore(score, score > 0.5, "", []),
        };
        store.WriteRollouts([Val(seed, 0), Val(child, 1)]);
        return ("r1", child);
    }

    private static EvalDependencies Dependencies(ScriptedChatClient client) => new(
        spec => new ModelHandle(client, spec.Uri, $"{spec.Uri} (scripted)", Simulated: false),
        _ => Task.FromResult(new ScorerHandle(new EqualsScorer(), "none")),
        TimeProvider.System);

    private static string Answer(IReadOnlyList<ChatMessage> messages, bool carefulIsRight)
    {
        var careful = messages.Any(m => m.Role == ChatRole.System && m.Text.Contains("carefully", StringComparison.Ordinal));
        var sum = messages.Last(m => m.Role == ChatRole.User).Text.Trim().Split('+').Sum(int.Parse);
        return (careful == carefulIsRight ? sum : sum + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static PromotionOptions Options(TempDirectory dir, string run) => new()
    {
        Run = run, Paths = WorkspacePaths.Resolve(dir.Path), Concurrency = 4,
    };

    [Fact]
    public async Task RunAsync_BetterChild_PromotesItWithEvidenceOfTheRunsModel()
    {
        using var dir = CompareWorkspace.Create();
        var (run, child) = Run(dir);
        var client = new ScriptedChatClient((m, _) => Answer(m, carefulIsRight: true));
        var log = new List<string>();

        var result = await new PromotionJob(Dependencies(client)).RunAsync(Options(dir, run), log.Add, TestContext.Current.CancellationToken);

        Assert.Null(result.FailedGate);
        Assert.Equal(child.Id, result.Candidate.Id);
        Assert.Equal(2, result.Promoted!.To);
        Assert.Contains("model: scripted:calc (scripted)", log);
        Assert.Equal(CompareWorkspace.Careful, File.ReadAllText(Path.Combine(dir.Path, "prompts", "calc", "system.sbn")));
        Assert.Equal(2 * 6 * 3, client.Calls);
        var evidence = result.Evidence["scripted:calc"]!;
        Assert.False(evidence["simulated"]!.GetValue<bool>());
        Assert.Equal(6, evidence["n"]!.GetValue<int>());
        Assert.Equal(0.0, evidence["live_mean"]!.GetValue<double>());
        Assert.Equal(1.0, evidence["candidate_mean"]!.GetValue<double>());
        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = Path.Combine(dir.Path, "prompts") });
        var version = library.History("calc")[^1];
        Assert.Equal(("r1", child.Id), (version.RunId, version.CandidateId));
        Assert.Equal([1], version.Parents);
        Assert.True(version.Gates!["holdout"]!["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RunAsync_ChildWorseOnHoldout_FailsTheHoldoutGateAndChangesNothing()
    {
        using var dir = CompareWorkspace.Create();
        var (run, _) = Run(dir);
        var client = new ScriptedChatClient((m, _) => Answer(m, carefulIsRight: false));

        var result = await new PromotionJob(Dependencies(client)).RunAsync(Options(dir, run), _ => { }, TestContext.Current.CancellationToken);

        Assert.Equal("holdout", result.FailedGate?.Name);
        Assert.Null(result.Promoted);
        Assert.Equal(-1.0, result.Holdout!.MeanDifference);
        Assert.Equal("Answer with a number.", File.ReadAllText(Path.Combine(dir.Path, "prompts", "calc", "system.sbn")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "prompts", "calc", ".history")));
    }

    [Fact]
    public async Task RunAsync_SecondPromotionReusesTheStoredHoldoutRollouts()
    {
        using var dir = CompareWorkspace.Create();
        var (run, _) = Run(dir);
        var client = new ScriptedChatClient((m, _) => Answer(m, carefulIsRight: false));
        var job = new PromotionJob(Dependencies(client));

        await job.RunAsync(Options(dir, run), _ => { }, TestContext.Current.CancellationToken);
        var calls = client.Calls;
        var again = await job.RunAsync(Options(dir, run) with { Tolerance = 1 }, _ => { }, TestContext.Current.CancellationToken);

        Assert.Equal(calls, client.Calls);
        Assert.Null(again.FailedGate);
    }

    [Fact]
    public async Task RunAsync_LiveDeployedWhileTheGatesRun_ThrowsConflictAndAddsNoVersion()
    {
        using var dir = CompareWorkspace.Create();
        var (run, _) = Run(dir);
        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = Path.Combine(dir.Path, "prompts") });
        library.Initialize("calc");
        var deployed = 0;
        var client = new ScriptedChatClient((m, _) =>
        {
            if (Interlocked.Exchange(ref deployed, 1) == 0)
            {
                library.Deploy("calc", 1, actor: "someone else");
            }

            return Answer(m, carefulIsRight: true);
        });

        var job = new PromotionJob(Dependencies(client));

        await Assert.ThrowsAsync<LibraryConflictException>(() => job.RunAsync(Options(dir, run) with { Concurrency = 1 }, _ => { }, TestContext.Current.CancellationToken));
        Assert.Single(library.History("calc"));
        Assert.Equal(2, library.Channels("calc")!.Live.Generation);
    }
}
