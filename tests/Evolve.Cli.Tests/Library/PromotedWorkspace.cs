using Evolve.Core.Evaluation;
using Evolve.Core.Runs;

namespace Evolve.Cli.Tests.Library;

/// <summary>A copy of the shipped workspace after a small <c>evolve run</c> on arith: the run to promote from, and its seed and best candidates.</summary>
internal sealed class PromotedWorkspace : IDisposable
{
    private PromotedWorkspace(TempDirectory dir, string runId, string seedId)
    {
        Dir = dir;
        RunId = runId;
        SeedId = seedId;
    }

    public TempDirectory Dir { get; }

    public string RunId { get; }

    public string SeedId { get; }

    public string Prompts => Path.Combine(Dir.Path, "prompts");

    public string AgentFolder => Path.Combine(Prompts, "arith");

    public static async Task<PromotedWorkspace> CreateAsync()
    {
        var dir = Workspace.CopyShipped();
        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", "400", "--batch", "100");
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        using var store = RunStore.Open(folder, TimeProvider.System);
        var seed = store.LoadCandidates().Single(c => c.Candidate.Operator == "seed").Candidate;
        return new PromotedWorkspace(dir, Path.GetFileName(folder), seed.Id);
    }

    /// <summary>The live artifact files as they are on disk now, name to text (not the library's hidden lock file).</summary>
    public Dictionary<string, string> LiveFiles() =>
        Directory.GetFiles(AgentFolder).Where(f => !Path.GetFileName(f).StartsWith('.')).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>Stores an extra pool candidate in the run (as the optimizer would) and returns its id.</summary>
    public string AddPoolCandidate(string component, string text)
    {
        using var store = RunStore.Open(Path.Combine(Dir.Path, "runs", RunId), TimeProvider.System);
        var seed = store.LoadCandidates().Single(c => c.Candidate.Id == SeedId).Candidate;
        var components = new Dictionary<string, string>(seed.Components, StringComparer.Ordinal) { [component] = text };
        var candidate = new Candidate(components, [SeedId], "reflect", 1);
        store.SaveCandidate(candidate, CandidateStatus.Pool, new { });
        return candidate.Id;
    }

    public Task<CliRun> EvolveAsync(params string[] args) => CliRun.InvokeAsync(Dir.Path, args);

    public void Dispose() => Dir.Dispose();
}
