namespace Evolve.Cli.Tests.Library;

public sealed class LibraryListTests
{
    [Fact]
    public async Task LibraryList_NoCanary_ShowsNoCanaryShare()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        Assert.Equal(0, (await ws.EvolveAsync("promote", ws.RunId)).ExitCode);

        var list = await ws.EvolveAsync("library", "list");

        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"(?m)^arith +2 +- +- +2$", list.Out);
    }

    [Fact]
    public async Task LibraryList_WithACanary_ShowsItsShare()
    {
        using var ws = await PromotedWorkspace.CreateAsync();
        Assert.Equal(0, (await ws.EvolveAsync("promote", ws.RunId, "--channel", "canary")).ExitCode);

        var list = await ws.EvolveAsync("library", "list");

        Assert.Matches(@"(?m)^arith +1 +2 +0\.1 +2$", list.Out);
    }
}
