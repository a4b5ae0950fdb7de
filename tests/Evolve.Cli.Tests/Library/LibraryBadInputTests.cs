namespace Evolve.Cli.Tests.Library;

/// <summary>Hostile or unknown names and versions are one clear error line and exit 2, and nothing is written anywhere.</summary>
public sealed class LibraryBadInputTests
{
    public static TheoryData<string[]> HostileCommands => new()
    {
        { ["deploy", "../evals", "--version", "1"] },
        { ["deploy", "/etc", "--version", "1"] },
        { ["rollback", "arith/../coding"] },
        { ["library", "show", ".."] },
        { ["library", "history", "Arith"] },
        { ["library", "diff", "a\\b", "1", "2"] },
    };

    [Theory]
    [MemberData(nameof(HostileCommands))]
    public async Task LibraryVerbs_HostileAgentName_ExitTwoNamingTheAgentAndWriteNothing(string[] args)
    {
        using var dir = Workspace.CopyShipped();
        var before = Directory.GetFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories).Length;

        var run = await CliRun.InvokeAsync(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not an agent name", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Deploy_UnknownAgentOrVersion_ExitTwoWithTheReason()
    {
        using var dir = Workspace.CopyShipped();

        var agent = await CliRun.InvokeAsync(dir.Path, "deploy", "nope", "--version", "1");
        var version = await CliRun.InvokeAsync(dir.Path, "deploy", "arith", "--version", "9");

        Assert.Equal(2, agent.ExitCode);
        Assert.Contains("agent 'nope' not found", agent.Error, StringComparison.Ordinal);
        Assert.Equal(2, version.ExitCode);
        Assert.Contains("agent 'arith' has no version 9 (versions: 1)", version.Error, StringComparison.Ordinal);

        // The refused first deploy initialized nothing.
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "prompts", "arith", ".history")));
    }

    [Fact]
    public async Task Rollback_NoHistory_ExitTwoAndCreatesNoHistory()
    {
        using var dir = Workspace.CopyShipped();

        var rollback = await CliRun.InvokeAsync(dir.Path, "rollback", "arith");

        Assert.Equal(2, rollback.ExitCode);
        Assert.Contains("'arith' has no library history yet", rollback.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "prompts", "arith", ".history")));
    }

    [Fact]
    public async Task Rollback_OnlyTheSeedVersion_ExitTwoAndLiveStaysAtVersionOne()
    {
        using var dir = Workspace.CopyShipped();
        Assert.Equal(0, (await CliRun.InvokeAsync(dir.Path, "deploy", "arith", "--version", "1")).ExitCode);

        var rollback = await CliRun.InvokeAsync(dir.Path, "rollback", "arith");
        var history = await CliRun.InvokeAsync(dir.Path, "library", "history", "arith");

        Assert.Equal(2, rollback.ExitCode);
        Assert.Contains("version 1 of 'arith' is already live", rollback.Error, StringComparison.Ordinal);
        Assert.Contains("arith: live version 1 (generation 2)", history.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../etc", "a run id is a plain folder name under the runs folder")]
    [InlineData("no-such-run", "no-such-run: no run with this id or id prefix under ")]
    public async Task Promote_RunThatIsNotARun_ExitTwo(string runArg, string expected)
    {
        using var dir = Workspace.CopyShipped();

        var promote = await CliRun.InvokeAsync(dir.Path, "promote", runArg);

        Assert.Equal(2, promote.ExitCode);
        Assert.StartsWith("error: RUN: ", promote.Error, StringComparison.Ordinal);
        Assert.Contains(expected, promote.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_HostileAgentOverride_ExitTwoAndLeavesTheRunsLibraryAlone()
    {
        using var ws = await PromotedWorkspace.CreateAsync();

        var promote = await ws.EvolveAsync("promote", ws.RunId, "--agent", "../arith");

        Assert.Equal(2, promote.ExitCode);
        Assert.Contains("is not an agent name", promote.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(ws.AgentFolder, ".history")));
    }
}
