using Evolve.Core.Runs;
using Microsoft.Data.Sqlite;

namespace Evolve.Cli.Tests.Verbs;

public sealed class EvalResumeTests
{
    /// <summary>Makes a finished eval look like one stopped half-way: drops some rollouts and marks it interrupted.</summary>
    private static void Truncate(string folder, int keep)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, RunStore.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM rollouts WHERE rowid NOT IN (SELECT rowid FROM rollouts ORDER BY rowid LIMIT {keep}); UPDATE run SET status = 'interrupted'";
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task EvalResume_InterruptedRun_KeepsStoredRolloutsAndRunsOnlyTheMissingOnes()
    {
        using var dir = SmallWorkspace.Create();
        await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--repeat", "2");
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        Truncate(folder, keep: 2);
        List<string> kept;
        using (var before = RunStore.Open(folder, TimeProvider.System))
        {
            kept = before.LoadRollouts().Select(r => r.Output).ToList();
        }

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--repeat", "2", "--resume", Path.GetFileName(folder));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2 rollouts already stored are kept", run.Error, StringComparison.Ordinal);
        Assert.Single(SmallWorkspace.RunFolders(dir));
        using var store = RunStore.Open(folder, TimeProvider.System);
        Assert.Equal(6, store.LoadRollouts().Count);
        Assert.Equal(kept, store.LoadRollouts().Take(2).Select(r => r.Output));
        Assert.Equal(RunStatus.Finished, store.LoadInfo().Status);
    }

    [Theory]
    [InlineData("--split", "holdout", "Split")]
    [InlineData("--repeat", "3", "Repeat")]
    [InlineData("--case", "japan", "Cases")]
    [InlineData("--model", "sim?seed=9", "used model sim")]
    public async Task EvalResume_DifferentOptions_RefusedNamingTheDifference(string flag, string value, string named)
    {
        using var dir = SmallWorkspace.Create();
        await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--repeat", "2");
        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        var args = new List<string> { "eval", "--suite", "qa", "--repeat", "2", "--resume", Path.GetFileName(folder) };
        var at = args.IndexOf(flag);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([flag, value]);
        }

        var run = await CliRun.InvokeAsync(dir.Path, [.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--resume", run.Error, StringComparison.Ordinal);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-run", "--resume: no-such-run: no run with this id or id prefix under ")]
    [InlineData("../outside", "--resume: ../outside: a run id is a plain folder name under the runs folder")]
    public async Task EvalResume_UnknownOrHostileRun_ExitsTwoAndWritesNothing(string id, string expected)
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--resume", id);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
    }
}
