namespace Evolve.Cli.Tests.Library;

/// <summary>A failing gate names itself, exits 1 and changes nothing: no version, no ledger line, same live files.</summary>
public sealed class PromoteGateTests
{
    private static string Snapshot(string agentFolder) =>
        string.Join('\n', Directory.GetFiles(agentFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => f + "\n" + File.ReadAllText(f)));

    [Fact]
    public async Task Promote_ToleranceMinusOne_FailsTheHoldoutGateAndCreatesNoHistory()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        var before = Snapshot(ws.AgentFolder);

        var promote = await ws.EvolveAsync("promote", ws.RunId, "--tolerance", "-1");

        Assert.Equal(1, promote.ExitCode);
        Assert.Matches(@"gate holdout +FAIL .*worse than live beyond the tolerance -1", promote.Out);
        Assert.Contains("not promoted: gate 'holdout' failed; the library is unchanged", promote.Out, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(ws.AgentFolder));
        Assert.False(Directory.Exists(Path.Combine(ws.AgentFolder, ".history")));
    }

    [Fact]
    public async Task Promote_SeedOverABetterLiveVersion_FailsTheHoldoutGateAndKeepsLive()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        Assert.Equal(0, (await ws.EvolveAsync("promote", ws.RunId)).ExitCode);
        var before = Snapshot(ws.AgentFolder);

        // The seed scored below the best on the holdout (the run's own report), so it is worse than live now.
        var promote = await ws.EvolveAsync("promote", ws.RunId, "--candidate", ws.SeedId[..12]);

        Assert.Equal(1, promote.ExitCode);
        Assert.Matches(@"gate holdout +FAIL .*difference -0\.\d{3}", promote.Out);
        Assert.Equal(before, Snapshot(ws.AgentFolder));
    }

    [Fact]
    public async Task Promote_TemplateThatDoesNotParse_FailsTheArtifactsGateBeforeAnyRollout()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        var broken = ws.AddPoolCandidate("system.sbn", "You solve problems. {{ end }}");
        var before = Snapshot(ws.AgentFolder);

        var promote = await ws.EvolveAsync("promote", ws.RunId, "--candidate", broken[..12]);

        Assert.Equal(1, promote.ExitCode);
        Assert.Matches(@"gate artifacts +FAIL +system\.sbn:", promote.Out);
        Assert.DoesNotContain("gate holdout", promote.Out, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(ws.AgentFolder));
    }

    [Fact]
    public async Task Promote_ComponentOverTheGrowthCap_FailsTheSizeGate()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        var bloated = ws.AddPoolCandidate("system.sbn", "You solve short arithmetic word problems.\n" + string.Concat(Enumerable.Repeat("Check every step twice. ", 200)));
        var before = Snapshot(ws.AgentFolder);

        var promote = await ws.EvolveAsync("promote", ws.RunId, "--candidate", bloated[..12]);

        Assert.Equal(1, promote.ExitCode);
        Assert.Matches(@"gate size +FAIL +system\.sbn: grew from \d+ to \d+ characters, over the allowed \d+", promote.Out);
        Assert.Equal(before, Snapshot(ws.AgentFolder));
    }

    [Fact]
    public async Task Promote_CandidateNotInThePoolOrUnknown_IsBadInput()
    {
        using var ws = await PromotedWorkspace.CreateAsync();

        var unknown = await ws.EvolveAsync("promote", ws.RunId, "--candidate", "ffffffffffff0");
        var notHex = await ws.EvolveAsync("promote", ws.RunId, "--candidate", "../x");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("has no candidate starting with 'ffffffffffff0'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, notHex.ExitCode);
        Assert.Contains("is not a candidate id prefix", notHex.Error, StringComparison.Ordinal);
    }
}
