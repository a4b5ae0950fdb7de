using Evolve.Core.Suites;

namespace Evolve.Cli.Tests.Suites;

/// <summary>
/// The shipped, generated coding-large suite: it loads with the product's loader and is what its
/// generator (bench/suites/make_coding_large.py) writes today, byte for byte.
/// </summary>
public sealed class CodingLargeSuiteTests
{
    private static readonly string SuiteDir = Path.Combine(Workspace.RepoRoot, "evals", "coding-large");

    [Fact]
    public void Load_ShippedSuite_HasAtLeast150DistinctPythonTestedCasesInEverySplit()
    {
        var suite = SuiteLoader.Load(Path.Combine(Workspace.RepoRoot, "evals"), "coding-large");

        Assert.Equal(("coding-large", "coding"), (suite.Name, suite.Agent));
        Assert.True(suite.Cases.Count >= 150, $"only {suite.Cases.Count} cases");
        Assert.Empty(suite.Cases.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (var split in new[] { Split.Train, Split.Val, Split.Holdout })
        {
            Assert.Contains(suite.Cases, c => c.Split == split);
        }

        Assert.All(suite.Cases, c =>
        {
            var tests = Assert.Single(c.Assertions, a => a.Type == "python-tests");
            Assert.Contains("def test_", Assert.IsType<string>(tests.Value), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(c.Expected), $"{c.Id} has no reference solution");
            Assert.NotEmpty(c.Hints);
            Assert.InRange(c.Difficulty, 0.2, 0.9);
            Assert.All(new[] { "name", "entry_point", "signature", "task" }, v => Assert.IsType<string>(c.Vars[v]));
        });
    }

    [Fact]
    public void Load_ShippedSuite_SplitsEachFamilyAboutFortyTwentyFiveThirtyFive()
    {
        var suite = SuiteLoader.Load(Path.Combine(Workspace.RepoRoot, "evals"), "coding-large");

        // The second tag names the family (the first its area: lists, strings, ...).
        var families = suite.Cases.GroupBy(c => c.Tags[1]).ToList();
        Assert.InRange(families.Count, 15, 25);
        Assert.All(families, family => Assert.All(new[] { Split.Train, Split.Val, Split.Holdout }, split =>
            Assert.True(family.Any(c => c.Split == split), $"family {family.Key} has no {split} case")));
        var train = suite.Cases.Count(c => c.Split == Split.Train) / (double)suite.Cases.Count;
        Assert.InRange(train, 0.35, 0.45);
    }

    [Fact]
    public async Task Generator_RunAgain_WritesTheShippedFilesByteForByte()
    {
        var python = Python3();
        Assert.SkipWhen(python is null, "python3 is not on PATH, so the generator cannot be run");
        using var dir = new TempDirectory();

        var run = await Generate(python!, "--out", dir.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(RelativeFiles(SuiteDir), RelativeFiles(dir.Path));
        Assert.All(RelativeFiles(SuiteDir), file =>
            Assert.True(File.ReadAllBytes(Path.Combine(SuiteDir, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir.Path, file))),
                $"{file} differs from what the generator writes; run python3 bench/suites/make_coding_large.py"));
    }

    [Fact]
    public async Task GeneratorCheck_EditedCaseFile_ExitsOneNamingTheFile()
    {
        var python = Python3();
        Assert.SkipWhen(python is null, "python3 is not on PATH, so the generator cannot be run");
        using var dir = new TempDirectory();
        foreach (var file in RelativeFiles(SuiteDir))
        {
            dir.Write(file, File.ReadAllText(Path.Combine(SuiteDir, file)));
        }

        File.AppendAllText(Path.Combine(dir.Path, "cases", "rotate.yaml"), "# edited by hand\n");

        var run = await Generate(python!, "--check", "--out", dir.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"differing files: {Path.Combine("cases", "rotate.yaml")}.", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> Generate(string python, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(python, [Path.Combine(Workspace.RepoRoot, "bench", "suites", "make_coding_large.py"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, error);
    }

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    private static string? Python3() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "python3"))
            .FirstOrDefault(File.Exists);
}
