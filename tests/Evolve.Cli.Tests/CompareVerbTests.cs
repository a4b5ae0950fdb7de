using System.Numerics;
using System.Text.Json;
using Evolve.Core.Runs;

namespace Evolve.Cli.Tests;

public sealed class CompareVerbTests
{
    private const string SimLine = "model: sim (offline simulator, scores are synthetic)";

    private const string Strong = """
        You solve short arithmetic word problems step by step.
        Watch for percentages, remainders, ratios, units, time and money; check rounding, off-by-one counts and fence posts; compute carefully.
        End your reply with the final answer as a single number.
        """;

    /// <summary>Exact two-sided binomial p, computed here with big integers, independently of Evolve.Core.Stats.</summary>
    private static double ExactTwoSided(int k, int n)
    {
        if (n == 0)
        {
            return 1;
        }

        BigInteger tail = 0, choose = 1;
        for (var i = 0; i <= Math.Min(k, n - k); i++)
        {
            tail += choose;
            choose = choose * (n - i) / (i + 1);
        }

        return Math.Min(1, 2 * (double)tail / Math.Pow(2, n));
    }

    [Fact]
    public async Task Compare_TwoPromptFilesOnArith_VerdictAgreesWithTheStatistics()
    {
        using var dir = Workspace.CopyShipped();
        dir.Write("weak.sbn", "Answer.");
        dir.Write("strong.sbn", Strong);

        var run = await CliRun.InvokeAsync(dir.Path, "compare", "weak.sbn", "strong.sbn", "--suite", "arith", "--repeat", "3", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(SimLine, root.GetProperty("modelLine").GetString());
        var s = root.GetProperty("statistics");
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(30, cases.Count);
        Assert.All(cases, c => Assert.Equal((3, 3), (c.GetProperty("aRepeats").GetInt32(), c.GetProperty("bRepeats").GetInt32())));

        // The statistics recomputed from the per-case table.
        var differences = cases.Select(c => c.GetProperty("bMean").GetDouble() - c.GetProperty("aMean").GetDouble()).ToList();
        Assert.Equal(differences.Average(), s.GetProperty("meanDifference").GetDouble(), 9);
        var b = cases.Count(c => c.GetProperty("aPass").GetBoolean() && !c.GetProperty("bPass").GetBoolean());
        var cCount = cases.Count(c => !c.GetProperty("aPass").GetBoolean() && c.GetProperty("bPass").GetBoolean());
        Assert.Equal((b, cCount), (s.GetProperty("aPassBFail").GetInt32(), s.GetProperty("aFailBPass").GetInt32()));
        Assert.Equal(ExactTwoSided(Math.Min(b, cCount), b + cCount), s.GetProperty("mcNemarP").GetDouble(), 12);
        var (wins, losses) = (differences.Count(d => d > 1e-9), differences.Count(d => d < -1e-9));
        Assert.Equal(ExactTwoSided(Math.Min(wins, losses), wins + losses), s.GetProperty("signTestP").GetDouble(), 12);

        // The verdict follows from the interval and the p-value, as documented.
        var (lower, upper) = (s.GetProperty("interval").GetProperty("lower").GetDouble(), s.GetProperty("interval").GetProperty("upper").GetDouble());
        var p = s.GetProperty("pValue").GetDouble();
        var expected = p < 0.05 && lower > 0 ? "BBetter" : p < 0.05 && upper < 0 ? "ABetter" : lower > 0 || upper < 0 ? "Inconclusive" : "NoSignificantDifference";
        Assert.Equal(expected, s.GetProperty("verdict").GetString());
        Assert.InRange(differences.Average(), lower, upper);

        var folder = Assert.Single(SmallWorkspace.RunFolders(dir));
        using (var store = RunStore.OpenReadOnly(folder, TimeProvider.System))
        {
            Assert.Equal(("compare", 30 * 3 * 2), (store.LoadInfo().Kind, store.CountRollouts()));
        }

        foreach (var report in new[] { "compare.md", "compare.html" })
        {
            var path = Path.Combine(folder, report);
            Assert.Contains($"wrote {path}", run.Error, StringComparison.Ordinal);
            Assert.Contains(SimLine, File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Contains(s.GetProperty("explanation").GetString()!, System.Net.WebUtility.HtmlDecode(File.ReadAllText(path)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Compare_CandidateWithItself_ReportsNoDifference()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "compare", "arith@live", "prompts/arith", "--suite", "arith");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(SimLine, run.Out, StringComparison.Ordinal);
        Assert.Contains("verdict: No difference: A and B scored the same on all 30 cases.", run.Out, StringComparison.Ordinal);
        Assert.Contains("not enough evidence that A and B differ: B - A = 0.000 (95% CI 0.000 to 0.000, McNemar p = 1, sign test p = 1", run.Out, StringComparison.Ordinal);
        Assert.Contains("note: McNemar: no discordant cases", run.Out, StringComparison.Ordinal);
        Assert.Contains("wins / ties / losses for B   0 / 30 / 0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ThreeCaseSuite_SaysTheDataIsInsufficientAndWritesReportsToOutput()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("a.sbn", "Answer with the city name only.");
        dir.Write("b.sbn", "Answer with the capital city name only.");

        var run = await CliRun.InvokeAsync(dir.Path, "compare", "a.sbn", "b.sbn", "--suite", "qa", "--output", "out");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(SimLine, lines[0]);
        Assert.Contains("verdict: Insufficient data: 3 shared cases, at least 5 are needed for a verdict.", lines);
        Assert.Contains("  not enough data: 3 shared cases, at least 5 are needed to compare A and B", lines);
        Assert.Contains($"wrote {Path.Combine(dir.Path, "out", "compare.html")}", lines);
        Assert.Contains(SimLine, File.ReadAllText(Path.Combine(dir.Path, "out", "compare.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.sbn", "b.sbn", "error: A: missing.sbn: file not found: ")]
    [InlineData("a.sbn", "qa@5", "error: B: qa@5: agent 'qa' has no version history yet")]
    [InlineData("a.sbn", "qa@canary", "error: B: qa@canary: agent 'qa' has no version history yet")]
    [InlineData("norun:best", "a.sbn", "error: A: norun:best: no run with this id or id prefix")]
    [InlineData("a.sbn", "qa@../../x", "error: B: qa@../../x: file not found: ")]
    [InlineData("a.sbn", "evals", "error: B: evals: folder ")]
    public async Task Compare_BadReference_ExitsTwoNamingTheArgumentAndWritesNothing(string a, string b, string error)
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("a.sbn", "Answer with the city name only.");
        dir.Write("b.sbn", "Answer with the capital only.");

        var run = await CliRun.InvokeAsync(dir.Path, "compare", a, b, "--suite", "qa", "--output", "out");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(error, run.Error, StringComparison.Ordinal);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Compare_AmbiguousRunPrefix_ExitsTwo()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("a.sbn", "Answer with the city name only.");
        Assert.Equal(0, (await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa")).ExitCode);
        Assert.Equal(0, (await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--split", "val")).ExitCode);

        var run = await CliRun.InvokeAsync(dir.Path, "compare", "a.sbn", "2", "--suite", "qa");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches("^error: B: 2: matches 2 runs \\(", run.Error);
        Assert.Equal(2, SmallWorkspace.RunFolders(dir).Length);
    }

    [Fact]
    public async Task Compare_EvalRunAgainstItsPromptFile_IsTheSameCandidate()
    {
        using var dir = SmallWorkspace.Create();
        dir.Write("a.sbn", "Answer with the capital city name only.");
        Assert.Equal(0, (await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--prompt", "a.sbn")).ExitCode);
        var evalRun = Path.GetFileName(Assert.Single(SmallWorkspace.RunFolders(dir)));

        var run = await CliRun.InvokeAsync(dir.Path, "compare", evalRun, "a.sbn", "--suite", "qa", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(json.RootElement.GetProperty("a").GetProperty("candidate").GetString(), json.RootElement.GetProperty("b").GetProperty("candidate").GetString());
        Assert.Equal("RunCandidate", json.RootElement.GetProperty("a").GetProperty("kind").GetString());
    }
}
