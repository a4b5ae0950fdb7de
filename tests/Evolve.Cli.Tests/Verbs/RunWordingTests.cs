using System.Text.RegularExpressions;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>An optimization's holdout verdict names the seed and the best, never "A" and "B".</summary>
public sealed class RunWordingTests
{
    [Fact]
    public async Task Run_HoldoutVerdict_NamesTheSeedAndTheBest()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "run", "--suite", "arith", "--budget", "500", "--batch", "100");

        Assert.Equal(0, run.ExitCode);
        var verdict = Regex.Match(run.Out, "(?m)^  verdict: (.*)$").Groups[1].Value;
        Assert.Matches(@"\b(seed|best)\b", verdict);
        Assert.DoesNotMatch(@"\b[AB]\b", verdict);
        var md = File.ReadAllText(Path.Combine(Assert.Single(SmallWorkspace.RunFolders(dir)), "report.md"));
        var section = md[md.IndexOf("## Holdout verdict", StringComparison.Ordinal)..md.IndexOf("## Best against the seed", StringComparison.Ordinal)];
        Assert.DoesNotMatch(@"\b[AB]\b", section.Split('\n')[2]);
    }
}
