using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests.Library;

/// <summary>promote, deploy and rollback through the CLI in process, on a real run and real library files.</summary>
public sealed partial class PromoteRoundTripTests
{
    [Fact]
    public async Task Promote_BestOfRun_RewritesLiveFilesAndRecordsEvidence_ThenDeployAndRollbackMoveLive()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        var seedFiles = ws.LiveFiles();

        var promote = await ws.EvolveAsync("promote", ws.RunId);

        Assert.True(promote.ExitCode == 0, promote.Out + promote.Error);
        Assert.Contains("model: sim (offline simulator, scores are synthetic)", promote.Out, StringComparison.Ordinal);
        Assert.Matches(@"gate holdout +pass +7 holdout cases x 3", promote.Out);
        Assert.Contains("as arith version 2 on live (was 1, generation 2)", promote.Out, StringComparison.Ordinal);
        var promoted = ws.LiveFiles();
        Assert.NotEqual(seedFiles["system.sbn"], promoted["system.sbn"]);

        // The version records where it came from, the gates and the evidence keyed by model.
        var version = JsonDocument.Parse(File.ReadAllText(Path.Combine(ws.AgentFolder, ".history", "versions", "2", "version.json"))).RootElement;
        Assert.Equal(ws.RunId, version.GetProperty("run_id").GetString());
        Assert.Equal(1, version.GetProperty("parents")[0].GetInt32());
        var evidence = version.GetProperty("evidence").GetProperty("sim");
        Assert.Equal("arith", evidence.GetProperty("suite").GetString());
        Assert.Equal("holdout", evidence.GetProperty("split").GetString());
        Assert.Equal(7, evidence.GetProperty("n").GetInt32());
        Assert.True(evidence.GetProperty("simulated").GetBoolean());
        var difference = evidence.GetProperty("candidate_mean").GetDouble() - evidence.GetProperty("live_mean").GetDouble();
        Assert.Equal(difference, evidence.GetProperty("difference").GetDouble(), 9);
        Assert.True(version.GetProperty("gates").GetProperty("holdout").GetProperty("passed").GetBoolean());

        var deploy = await ws.EvolveAsync("deploy", "arith", "--version", "1");
        Assert.True(deploy.ExitCode == 0, deploy.Out + deploy.Error);
        Assert.Equal(seedFiles, ws.LiveFiles());

        var rollback = await ws.EvolveAsync("rollback", "arith");
        Assert.True(rollback.ExitCode == 0, rollback.Out + rollback.Error);
        Assert.Contains("from version 1 to 2", rollback.Out, StringComparison.Ordinal);
        Assert.Equal(promoted, ws.LiveFiles());

        var history = await ws.EvolveAsync("library", "history", "arith");
        Assert.Equal(0, history.ExitCode);
        Assert.Matches(@"v2 +reflect .*run " + Regex.Escape(ws.RunId) + @" .*evidence sim \(simulated\): arith holdout n 7 x3.*\[live\]", history.Out);
        Assert.Equal(
            ["init live 1", "promote live 1 -> 2", "deploy live 2 -> 1", "rollback live 1 -> 2"],
            LedgerLine().Matches(history.Out).Select(m => Regex.Replace(m.Groups[1].Value, " +", " ").Trim()).ToArray());
    }

    [Fact]
    public async Task Promote_ToCanary_LeavesLiveFilesAndPointsTheCanaryAtTheNewVersion()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        var before = ws.LiveFiles();

        var promote = await ws.EvolveAsync("promote", ws.RunId, "--channel", "canary");
        var list = await ws.EvolveAsync("library", "list");

        Assert.True(promote.ExitCode == 0, promote.Out + promote.Error);
        Assert.Equal(before, ws.LiveFiles());
        Assert.Matches(@"arith +1 +2 +0\.1 +2", list.Out);
        Assert.Matches(@"coding +- +- +- +0 +\(not yet initialized", list.Out);
        Assert.Contains("evolve rollback arith --channel canary", promote.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LibraryShowAndDiff_AfterPromote_ShowTheVersionFilesAndTheChange()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        Assert.Equal(0, (await ws.EvolveAsync("promote", ws.RunId)).ExitCode);

        var show = await ws.EvolveAsync("library", "show", "arith", "--version", "1");
        var shown = await ws.EvolveAsync("library", "show", "arith");
        var diff = await ws.EvolveAsync("library", "diff", "arith", "1", "2");
        var same = await ws.EvolveAsync("library", "diff", "arith", "2", "2");

        Assert.Contains("arith version 1 ", show.Out, StringComparison.Ordinal);
        Assert.Contains("--- system.sbn ---" + Environment.NewLine + "You solve short arithmetic word problems.", show.Out, StringComparison.Ordinal);
        Assert.Contains("arith version 2 ", shown.Out, StringComparison.Ordinal);
        Assert.Matches(@"gate holdout +pass +7 holdout cases x 3: live 0\.\d{3}, candidate 0\.\d{3}, difference \+0\.\d{3}", shown.Out);
        Assert.Contains("--- a/system.sbn@1", diff.Out, StringComparison.Ordinal);
        Assert.Contains("+++ b/system.sbn@2", diff.Out, StringComparison.Ordinal);
        Assert.Equal("(no differences)", same.Out.Trim());
    }

    [GeneratedRegex(@"^ +\d+ \S+ \S+ (\w+ +\w+ +(?:\d+ -> )?\d+)", RegexOptions.Multiline)]
    private static partial Regex LedgerLine();
}
