using System.Diagnostics;
using Evolve.Cli.Output;

namespace Evolve.Cli.Tests.Output;

/// <summary>What Evolve prints to paste into a shell reads back, word for word, in a real bash.</summary>
public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("--suite")]
    [InlineData("sim?latency=30ms")]
    [InlineData("/tmp/my runs")]
    [InlineData("it's")]
    [InlineData("a*b[c]$HOME`x`;|&<>\"")]
    public async Task Quote_WordReadBackByBash_IsUnchanged(string word)
    {
        using var dir = new TempDirectory();
        dir.Write("sim?latency=30ms", ""); // a file the unquoted glob would match
        var start = new ProcessStartInfo("bash", ["-c", "printf '%s\\n' " + ShellWords.Quote(word)]) { WorkingDirectory = dir.Path, RedirectStandardOutput = true };
        using var bash = Process.Start(start)!;
        var echoed = await bash.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await bash.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(word + "\n", echoed);
    }

    [Fact]
    public void Quote_PlainWord_StaysBare()
    {
        Assert.Equal("--model sim:7 runs/a,b", ShellWords.Join(["--model", "sim:7", "runs/a,b"]));
    }
}
