using Evolve.Core.Gepa;
using Evolve.Core.Runs;
using Evolve.Core.Tests.Fakes;
using Evolve.Core.Workspace;

namespace Evolve.Core.Tests.Gepa;

/// <summary>Which interrupted run a plain re-run continues, and with which options.</summary>
public sealed class RunLocatorTests
{
    private static GepaOptions Options(TempDirectory dir, bool combine) => new()
    {
        Suite = "arith", Model = "sim", ReflectionModel = "sim", Combine = combine,
        Paths = new WorkspacePaths(Path.Combine(dir.Path, "evals"), Path.Combine(dir.Path, "prompts"), Path.Combine(dir.Path, "runs")),
    };

    private static string Interrupted(GepaOptions options, string optionsJson)
    {
        using var store = RunStore.Create(options.Paths.Runs, new RunInfo
        {
            Id = "20261204-000000-arith-run-abcdef", Kind = GepaRun.Kind, Suite = "arith", SuiteHash = "test", Agent = "calc", Model = "sim",
            Simulated = true, OptionsJson = optionsJson, StartedAt = DateTimeOffset.UnixEpoch,
        }, TimeProvider.System);
        store.SetStatus(RunStatus.Interrupted);
        return store.Directory;
    }

    [Fact]
    public void A_run_started_with_combine_is_continued_with_it_and_only_by_a_run_that_asks_for_it()
    {
        using var dir = new TempDirectory();
        var suite = TestSuites.Arithmetic(6);
        var directory = Interrupted(Options(dir, combine: true), RunLocator.OptionsJson(Options(dir, combine: true), suite));

        var found = RunLocator.FindResumable(Options(dir, combine: true), TimeProvider.System);

        Assert.Equal(directory, found?.Directory);
        Assert.True(found!.Value.Options.Combine);
        Assert.Null(RunLocator.FindResumable(Options(dir, combine: false), TimeProvider.System));
    }

    [Fact]
    public void A_run_stored_before_combine_existed_is_continued_by_a_plain_re_run()
    {
        using var dir = new TempDirectory();
        var suite = TestSuites.Arithmetic(6);
        var json = RunLocator.OptionsJson(Options(dir, combine: false), suite);
        Assert.DoesNotContain("combine\":false", json, StringComparison.Ordinal);
        var older = json.Replace(",\"combine\":null", "", StringComparison.Ordinal);
        var directory = Interrupted(Options(dir, combine: false), older);

        var found = RunLocator.FindResumable(Options(dir, combine: false), TimeProvider.System);

        Assert.Equal(directory, found?.Directory);
        Assert.False(found!.Value.Options.Combine);
    }
}
