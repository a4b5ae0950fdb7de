using Evolve.Core.Compare;
using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel;

namespace Evolve.Core.Tests.Compare;

public sealed class CompareJobTests
{
    private static Task<CompareResult> Run(TempDirectory dir, CompareJobOptions options, ScriptedChatClient client) =>
        new CompareJob(CompareWorkspace.Dependencies(client)).RunAsync(options, new EvaluationProgress(), _ => { }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunAsync_CarefulPromptFile_BBeatsLiveOnEveryCase()
    {
        using var dir = CompareWorkspace.Create();
        var client = CompareWorkspace.Model();

        var result = await Run(dir, CompareWorkspace.Options(dir, "calc@live", "careful.sbn") with { Repeat = 2 }, client);

        var s = result.Statistics;
        Assert.Equal(Verdict.BBetter, s.Verdict);
        // 8 cases, A always wrong and B always right: b = 0, c = 8, McNemar 2 * 0.5**8 = 0.0078125.
        Assert.Equal((8, 0, 8), (s.N, s.APassBFail, s.AFailBPass));
        Assert.Equal(0.0078125, s.McNemarP, 12);
        Assert.Equal((0.0, 1.0), (s.MeanA, s.MeanB));
        Assert.All(result.Cases, c => Assert.Equal((2, 2, false, true), (c.A.Rollouts.Count, c.B.Rollouts.Count, c.APass, c.BPass)));
        Assert.Equal(8 * 2 * 2, client.Calls);
        Assert.Equal(CandidateReferenceKind.LibraryVersion, result.A.Reference.Kind);
        Assert.Equal(CompareWorkspace.Careful, result.B.Candidate.Components["system.sbn"]);

        using var store = RunStore.OpenReadOnly(result.RunDirectory, TimeProvider.System);
        var info = store.LoadInfo();
        Assert.Equal(("compare", RunStatus.Finished, true), (info.Kind, info.Status, info.Simulated));
        Assert.Equal(32, store.CountRollouts());
        Assert.Equal([CandidateStatus.CompareA, CandidateStatus.CompareB], store.LoadCandidates().Select(c => c.Status));
        Assert.Equal(
            [Path.Combine(result.RunDirectory, "compare.md"), Path.Combine(result.RunDirectory, "compare.html")],
            result.Reports);
        Assert.All(result.Reports, path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public async Task RunAsync_OutputFolder_GetsCopiesOfBothReports()
    {
        using var dir = CompareWorkspace.Create();
        var output = Path.Combine(dir.Path, "out", "nested");

        var result = await Run(dir, CompareWorkspace.Options(dir, "calc@live", "careful.sbn") with { OutputDirectory = output }, CompareWorkspace.Model());

        Assert.Equal(4, result.Reports.Count);
        Assert.Equal(File.ReadAllText(result.Reports[0]), File.ReadAllText(Path.Combine(output, "compare.md")));
        Assert.Equal(File.ReadAllText(result.Reports[1]), File.ReadAllText(Path.Combine(output, "compare.html")));
    }

    [Fact]
    public async Task RunAsync_SameTextsTwice_SharesRolloutsAndFindsNoDifference()
    {
        using var dir = CompareWorkspace.Create();
        var client = CompareWorkspace.Model();

        var result = await Run(dir, CompareWorkspace.Options(dir, "calc@live", "prompts/calc"), client);

        var s = result.Statistics;
        Assert.Equal(result.A.Candidate.Id, result.B.Candidate.Id);
        Assert.Equal(8, client.Calls);
        Assert.Equal((0.0, 0, 0, 8), (s.MeanDifference, s.Wins, s.Losses, s.Ties));
        Assert.Equal((1.0, 1.0, 1.0), (s.McNemarP, s.SignTestP, s.PValue));
        Assert.Equal(Verdict.NoSignificantDifference, s.Verdict);
        Assert.StartsWith("not enough evidence that calc@live and prompts/calc differ: prompts/calc - calc@live = 0.000", s.Explanation, StringComparison.Ordinal);
        var markdown = File.ReadAllText(result.Reports[0]);
        Assert.Contains("**No difference: calc@live and prompts/calc scored the same on all 8 cases.**", markdown, StringComparison.Ordinal);
        Assert.Contains("calc@live and prompts/calc have identical texts.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HoldoutSplitOfTwoCases_IsInsufficientData()
    {
        using var dir = CompareWorkspace.Create();

        var result = await Run(dir, CompareWorkspace.Options(dir, "calc@live", "careful.sbn") with { Split = Split.Val }, CompareWorkspace.Model());

        Assert.Equal(Verdict.InsufficientData, result.Statistics.Verdict);
        Assert.Equal("not enough data: 1 shared case, at least 5 are needed to compare calc@live and careful.sbn", result.Statistics.Explanation);
    }

    [Fact]
    public async Task RunAsync_InterruptedCompareRunAgain_ContinuesTheSameRun()
    {
        using var dir = CompareWorkspace.Create();
        var client = CompareWorkspace.Model();
        var options = CompareWorkspace.Options(dir, "calc@live", "careful.sbn");
        var first = await Run(dir, options, client);
        using (var store = RunStore.Open(first.RunDirectory, TimeProvider.System))
        {
            store.SetStatus(RunStatus.Interrupted);
        }

        var second = await Run(dir, options, client);

        Assert.True(second.Resumed);
        Assert.Equal((first.RunDirectory, 0), (second.RunDirectory, second.NewRollouts));
        Assert.Equal(16, client.Calls);
        Assert.Equal(first.Statistics, second.Statistics);
        Assert.Single(Directory.GetDirectories(CompareWorkspace.Runs(dir)));
    }

    [Fact]
    public async Task RunAsync_CancelledMidway_IsInterruptedAndTheRerunRunsOnlyWhatIsMissing()
    {
        using var dir = CompareWorkspace.Create();
        using var cancellation = new CancellationTokenSource();
        var inner = CompareWorkspace.Model();
        var client = new ScriptedChatClient((messages, options) =>
        {
            if (inner.Calls >= 5)
            {
                cancellation.Cancel();
            }

            return inner.GetResponseAsync(messages, options).GetAwaiter().GetResult().Text;
        });
        var options = CompareWorkspace.Options(dir, "calc@live", "careful.sbn") with { Concurrency = 1 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new CompareJob(CompareWorkspace.Dependencies(client)).RunAsync(options, new EvaluationProgress(), _ => { }, cancellation.Token));

        var folder = Assert.Single(Directory.GetDirectories(CompareWorkspace.Runs(dir)));
        int stored;
        using (var store = RunStore.OpenReadOnly(folder, TimeProvider.System))
        {
            Assert.Equal(RunStatus.Interrupted, store.LoadInfo().Status);
            stored = store.CountRollouts();
        }

        Assert.InRange(stored, 1, 15);
        var second = await Run(dir, options, CompareWorkspace.Model());

        Assert.Equal((folder, true, 16 - stored), (second.RunDirectory, second.Resumed, second.NewRollouts));
        Assert.Equal(Verdict.BBetter, second.Statistics.Verdict);
    }

    [Fact]
    public async Task RunAsync_BadReferences_ListsBothAndWritesNothing()
    {
        using var dir = CompareWorkspace.Create();
        var client = CompareWorkspace.Model();

        var error = await Assert.ThrowsAsync<InputException>(() => Run(dir, CompareWorkspace.Options(dir, "calc@7", "missing.sbn"), client));

        Assert.Equal(["A", "B"], error.Errors.Select(e => e.File));
        Assert.Contains("has no version history yet", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("file not found: " + Path.Combine(dir.Path, "missing.sbn"), error.Errors[1].Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(CompareWorkspace.Runs(dir)));
        Assert.Equal(0, client.Calls);
    }

    [Fact]
    public async Task RunAsync_BadOptions_OneErrorPerOption()
    {
        using var dir = CompareWorkspace.Create();
        var options = CompareWorkspace.Options(dir, "calc@live", "careful.sbn") with { Repeat = 0, Concurrency = 0 };

        var error = await Assert.ThrowsAsync<InputException>(() => Run(dir, options, CompareWorkspace.Model()));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "--repeat: must be between 1 and 1000, not 0",
                "--concurrency: must be between 1 and 4096, not 0"),
            error.Message);
    }
}
