namespace Evolve.Tests.Shared;

/// <summary>
/// The checked-in fixtures (tests/Shared/Fixtures), copied beside each test assembly, so no test
/// depends on anything outside the repository.
/// </summary>
internal static class Fixtures
{
    /// <summary>The copied fixture folder in the test's output directory.</summary>
    public static string Root { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>A promptfoo example's file, e.g. <c>Promptfoo("simple-csv", "promptfooconfig.yaml")</c>.</summary>
    public static string Promptfoo(params string[] parts) => Existing(["promptfoo", .. parts]);

    /// <summary>The gzipped 10-problem HumanEval subset (see Fixtures/README.md).</summary>
    public static string HumanEvalSubset => Existing(["humaneval", "HumanEval-subset.jsonl.gz"]);

    /// <summary>The number of problems in <see cref="HumanEvalSubset"/>.</summary>
    public const int HumanEvalSubsetCount = 10;

    private static string Existing(string[] parts)
    {
        var path = System.IO.Path.Combine([Root, .. parts]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"fixture {path} is missing: tests/Directory.Build.props copies tests/Shared/Fixtures to the output", path);
    }
}
