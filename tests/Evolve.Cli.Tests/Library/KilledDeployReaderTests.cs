using Evolve.Core.Evaluation;
using Evolve.Core.Runs;
using Evolve.Kernel.Library;

namespace Evolve.Cli.Tests.Library;

/// <summary>
/// A deploy killed after it replaced a live file and before it committed: eval and run score the
/// committed live version, both while the lock is still held (as by a writer in progress) and
/// after the next open has undone the deploy.
/// </summary>
public sealed class KilledDeployReaderTests : IDisposable
{
    private const string Committed = "Answer with the city name only.";
    private const string Uncommitted = "Answer with the city name only. UNCOMMITTED";
    private readonly TempDirectory _dir = SmallWorkspace.Create();

    public KilledDeployReaderTests()
    {
        var library = Library();
        var v2 = library.AddVersion("qa", new Dictionary<string, string> { ["system.sbn"] = Uncommitted, ["task.sbn"] = "What is the capital of {{ country }}?" }, new VersionMetadata());
        library.FaultAt = step => step == "live-file-replaced";
        Assert.Throws<SimulatedCrashException>(() => library.Deploy("qa", v2));
        Assert.Equal(Uncommitted, File.ReadAllText(Path.Combine(_dir.Path, "prompts/qa/system.sbn")));
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Eval_AfterAKilledDeploy_ScoresTheCommittedLiveVersion(bool writerStillHoldsTheLock)
    {
        CliRun eval;
        using (writerStillHoldsTheLock ? HoldLock() : null)
        {
            eval = await CliRun.InvokeAsync(_dir.Path, "eval", "--suite", "qa");
        }

        Assert.True(eval.ExitCode == 0, eval.Out + eval.Error);
        Assert.Equal(Committed, ScoredSystemPrompt(_ => true));
        Assert.Equal(1, Library().Resolve("qa")!.Version);
        Assert.Equal(Committed, File.ReadAllText(Path.Combine(_dir.Path, "prompts/qa/system.sbn")));
    }

    [Fact]
    public async Task Run_AfterAKilledDeployWhileTheLockIsHeld_SeedIsTheCommittedLiveVersion()
    {
        CliRun run;
        using (HoldLock())
        {
            run = await CliRun.InvokeAsync(_dir.Path, "run", "--suite", "qa", "--budget", "200", "--batch", "100");
        }

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(Committed, ScoredSystemPrompt(candidate => candidate.Operator == "seed"));
    }

    private PromptLibrary Library() => new(new PromptLibraryOptions { PromptsDirectory = Path.Combine(_dir.Path, "prompts") });

    private FileStream HoldLock() => new(Path.Combine(_dir.Path, "prompts/qa/.history.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private string ScoredSystemPrompt(Func<Candidate, bool> which)
    {
        using var store = RunStore.Open(Assert.Single(SmallWorkspace.RunFolders(_dir)), TimeProvider.System);
        return store.LoadCandidates().Select(c => c.Candidate).First(which).Components["system.sbn"];
    }
}
