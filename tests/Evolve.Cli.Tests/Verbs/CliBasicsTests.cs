namespace Evolve.Cli.Tests.Verbs;

/// <summary>What a new user meets first: bare evolve, a typo of a verb, and running outside a workspace.</summary>
public sealed class CliBasicsTests
{
    [Fact]
    public async Task Bare_NoArguments_PrintsHelpAndExitsZero()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains("eval", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task UnknownVerb_Misspelt_SuggestsTheNearest()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "evl", "--suite", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown command 'evl' (did you mean 'eval'?)\n(run 'evolve --help' for usage)\n", run.Error);
    }

    [Fact]
    public async Task UnknownVerb_FarFromAny_ListsNoSuggestion()
    {
        using var dir = SmallWorkspace.Create();

        var run = await CliRun.InvokeAsync(dir.Path, "frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown command 'frobnicate'\n(run 'evolve --help' for usage)\n", run.Error);
    }

    [Theory]
    [InlineData("suite", "list")]
    [InlineData("eval", "--suite", "arith")]
    [InlineData("run", "--suite", "arith")]
    public async Task OutsideWorkspace_SaysNoEvalsFolderAndHowToPointAtOne(params string[] args)
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InvokeAsync(dir.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {dir.Path}: no evals/ folder here or in any folder above it; run evolve inside a workspace or pass --evals DIR\n", run.Error);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "runs")));
    }

    [Fact]
    public async Task OutsideWorkspace_AgentRun_SaysNoPromptsFolder()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.InvokeAsync(dir.Path, "agent", "run", "arith", "What is 2 + 2?");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {dir.Path}: no prompts/ folder here or in any folder above it; run evolve inside a workspace or pass --prompts DIR\n", run.Error);
    }
}
