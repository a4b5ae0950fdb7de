using Evolve.Core.Runs;

namespace Evolve.Core.Tests.Runs;

public sealed class RunCatalogTextTests
{
    private static RunListing Listing(string id, string kind, string model, bool simulated, string status = RunStatus.Finished, string? note = null) => new()
    {
        Id = id, Directory = "/runs/" + id, Kind = kind, Suite = "coding", Model = model, Simulated = simulated, Status = status, Note = note,
        StartedAt = new DateTimeOffset(2026, 12, 2, 20, 12, 7, TimeSpan.Zero), Duration = TimeSpan.FromSeconds(36.6), Rollouts = 616,
        Budget = kind == "optimize" ? 1500 : null, Score = kind == "compare" ? -0.125 : 0.875,
        ScoreKind = kind switch { "optimize" => RunScoreKind.BestVal, "compare" => RunScoreKind.Diff, _ => RunScoreKind.Mean },
    };

    private static string[] Lines(params RunListing[] runs)
    {
        using var writer = new StringWriter();
        RunCatalogText.WriteList(runs, writer);
        return writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void WriteList_SimulatedAndRealRuns_FitsOneHundredColumnsWithTheSimulatorNoteOnce()
    {
        var lines = Lines(
            Listing("20261202-201207-coding-run-ad60fc", "optimize", "sim", simulated: true),
            Listing("20261202-201344-coding-compare-3d895f", "compare", "sim", simulated: true),
            Listing("20261202-201500-coding-5a1b2c", "eval", "openai:gpt-4o-mini-2024-07-18", simulated: false),
            Listing("20261202-201600-coding-run-77aa00", "optimize", "sim", simulated: true, RunStatus.Interrupted, "stored as running, but no process holds its lock: it was killed"));

        Assert.All(lines, l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
        Assert.Single(lines, l => l.Contains("offline simulator, scores are synthetic", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("20261202-201500-coding-5a1b2c ", StringComparison.Ordinal) && l.Contains("openai:gpt-4o", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("20261202-201344-coding-compare-3d895f ", StringComparison.Ordinal) && l.Contains("diff -0.125", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("interrupted: stored as running", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteList_NoSimulatedRun_HasNoSimulatorNote()
    {
        var lines = Lines(Listing("20261202-201500-coding-5a1b2c", "eval", "ollama:llama3.2", simulated: false));

        Assert.DoesNotContain(lines, l => l.Contains("simulator", StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);
    }
}
