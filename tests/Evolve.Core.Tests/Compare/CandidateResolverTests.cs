using Evolve.Core.Compare;
using Evolve.Core.Runs;
using Evolve.Core.Suites;
using Evolve.Core.Workspace;
using Evolve.Kernel;
using Evolve.Kernel.Library;

namespace Evolve.Core.Tests.Compare;

public sealed class CandidateResolverTests
{
    private static ResolvedCandidate Resolve(TempDirectory dir, string text, string argument = "A")
    {
        var paths = WorkspacePaths.Resolve(dir.Path);
        var suite = SuiteLoader.Load(paths.Evals, "calc");
        return CandidateResolver.Resolve(CandidateReference.Parse(argument, text, dir.Path), suite, paths, TimeProvider.System);
    }

    private static InputError Fails(TempDirectory dir, string text)
    {
        var error = Assert.Throws<InputException>(() => Resolve(dir, text));
        var single = Assert.Single(error.Errors);
        Assert.Equal(("A", text), (single.File, single.Field));
        return single;
    }

    [Fact]
    public void Resolve_PromptFile_ReplacesOnlyTheSystemTemplate()
    {
        using var dir = CompareWorkspace.Create();

        var resolved = Resolve(dir, "careful.sbn");

        Assert.Equal(CompareWorkspace.Careful, resolved.Candidate.Components["system.sbn"]);
        Assert.Equal("{{ q }}", resolved.Candidate.Components["task.sbn"]);
        Assert.Equal(("calc", "prompt-file"), (resolved.Profile.Name, resolved.Candidate.Operator));
    }

    [Fact]
    public void Resolve_PromptFileThatDoesNotParse_NamesTheArgumentAndTheFile()
    {
        using var dir = CompareWorkspace.Create();
        dir.Write("broken.sbn", "Answer {{ if }}");

        var error = Assert.Throws<InputException>(() => Resolve(dir, "broken.sbn"));

        Assert.All(error.Errors, e => Assert.Equal(("A", "broken.sbn"), (e.File, e.Field)));
        Assert.All(error.Errors, e => Assert.StartsWith(Path.Combine(dir.Path, "broken.sbn") + ":1: column 14: ", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_HugeFile_IsRefusedWithoutReadingItAll()
    {
        using var dir = CompareWorkspace.Create();
        dir.Write("huge.sbn", new string('x', CandidateResolver.MaxPromptFileBytes + 10));

        Assert.Contains("is larger than 1048576 bytes", Fails(dir, "huge.sbn").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LibraryVersions_ReadTheHistoryNotTheLiveFiles()
    {
        using var dir = CompareWorkspace.Create();
        var library = new PromptLibrary(new PromptLibraryOptions { PromptsDirectory = Path.Combine(dir.Path, "prompts") });
        var v2 = library.AddVersion("calc", new Dictionary<string, string> { ["system.sbn"] = CompareWorkspace.Careful, ["task.sbn"] = "{{ q }}" }, new VersionMetadata { Operator = "manual", Parents = [1] });

        var live = Resolve(dir, "calc@live");
        var second = Resolve(dir, $"calc@{v2}");

        Assert.Equal(CompareWorkspace.Live, live.Candidate.Components["system.sbn"]);
        Assert.Equal("library calc version 1 (live)", live.Source);
        Assert.Equal(CompareWorkspace.Careful, second.Candidate.Components["system.sbn"]);
        Assert.Contains("has no canary deployed", Fails(dir, "calc@canary").Message, StringComparison.Ordinal);
        Assert.Contains("has no version 9", Fails(dir, "calc@9").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LibraryWithoutHistory_LiveIsTheFilesAndNothingElseExists()
    {
        using var dir = CompareWorkspace.Create();

        Assert.Equal(CompareWorkspace.Live, Resolve(dir, "calc@live").Candidate.Components["system.sbn"]);
        Assert.Contains("has no version history yet", Fails(dir, "calc@2").Message, StringComparison.Ordinal);
        Assert.Contains("has no version history yet", Fails(dir, "calc@canary").Message, StringComparison.Ordinal);
        Assert.Contains("'nobody'", Fails(dir, "nobody@live").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RunSelectors_PickBestSeedAndPrefix()
    {
        using var dir = CompareWorkspace.Create();
        var made = CompareWorkspace.Run(dir, "20260101-000000-calc-run-aaaaaa", "optimize",
            (CompareWorkspace.Live, CandidateStatus.Pool, 0.2), (CompareWorkspace.Careful, CandidateStatus.Pool, 0.9), ("Guess a number.", CandidateStatus.Rejected, 1.0));

        // The rejected candidate scored higher but is not in the pool.
        Assert.Equal(made[1].Id, Resolve(dir, "20260101-000000-calc-run-aaaaaa").Candidate.Id);
        Assert.Equal(made[1].Id, Resolve(dir, "20260101:best").Candidate.Id);
        Assert.Equal(made[0].Id, Resolve(dir, "20260101:seed").Candidate.Id);
        Assert.Equal(made[2].Id, Resolve(dir, $"2026:{made[2].Id[..8].ToUpperInvariant()}").Candidate.Id);
        Assert.Contains("has no candidate starting with", Fails(dir, "2026:" + Unused(made)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_RunCandidate_NamesTheCandidateOnce()
    {
        using var dir = CompareWorkspace.Create();
        var made = CompareWorkspace.Run(dir, "20260101-000000-calc-run-aaaaaa", "optimize", (CompareWorkspace.Live, CandidateStatus.Pool, 0.2), (CompareWorkspace.Careful, CandidateStatus.Pool, 0.9));

        var described = Evolve.Core.Reports.Compare.CompareSides.Describe(Resolve(dir, "20260101:best"), "best");

        Assert.Equal($"best — run 20260101-000000-calc-run-aaaaaa (optimize), candidate {made[1].ShortId} (given as 20260101:best)", described);
    }

    [Fact]
    public void Resolve_CandidatePrefixOfSeveral_IsAmbiguous()
    {
        using var dir = CompareWorkspace.Create();
        // 17 candidates, 16 hex digits: two of them must share their first digit.
        var made = CompareWorkspace.Run(dir, "r1", "optimize", [.. Enumerable.Range(0, 17).Select(i => ($"Answer number {i}.", CandidateStatus.Pool, 0.5))]);
        var shared = made.GroupBy(c => c.Id[0]).First(g => g.Count() > 1).Key;

        Assert.Contains("give more digits", Fails(dir, $"r1:{shared}").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RunErrors_NameTheArgument()
    {
        using var dir = CompareWorkspace.Create();
        CompareWorkspace.Run(dir, "r1-eval", "eval", (CompareWorkspace.Careful, CandidateStatus.Evaluated, 1.0));
        CompareWorkspace.Run(dir, "r2-compare", "compare", (CompareWorkspace.Live, CandidateStatus.CompareA, 0.1), (CompareWorkspace.Careful, CandidateStatus.CompareB, 0.9));
        Directory.CreateDirectory(Path.Combine(dir.Path, "runs", "r3-junk"));
        File.WriteAllText(Path.Combine(dir.Path, "runs", "r3-junk", "run.db"), "not a database, just text that is long enough to be read as a header by sqlite");

        // An eval run has one candidate: that is its best.
        Assert.Equal(CompareWorkspace.Careful, Resolve(dir, "r1").Candidate.Components["system.sbn"]);
        Assert.Contains("matches 3 runs", Fails(dir, "r").Message, StringComparison.Ordinal);
        Assert.Contains("no run with this id or id prefix", Fails(dir, "nothing").Message, StringComparison.Ordinal);
        Assert.Contains("has 2 candidates and no pool", Fails(dir, "r2").Message, StringComparison.Ordinal);
        Assert.Contains("is unreadable", Fails(dir, "r3").Message, StringComparison.Ordinal);
    }

    private static string Unused(IReadOnlyList<Evolve.Core.Evaluation.Candidate> made) =>
        "0123456789abcdef".Select(c => c.ToString()).First(d => made.All(c => !c.Id.StartsWith(d, StringComparison.Ordinal)));
}
