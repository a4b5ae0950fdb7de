using System.Diagnostics;
using System.Globalization;
using Evolve.Core.Reports.Run;
using Evolve.Core.Reports.Insights;
using Evolve.Core.Runs;

namespace Evolve.Bench;

/// <summary>
/// <c>report-render [--candidates 200] [--cases 100] [--seed 1] [--out DIR] [--times 5]</c>: writes a
/// synthetic run.db (see <see cref="SyntheticRun"/>), then times rendering its report.html, report.md
/// and report.json, and prints the sizes. Target (issue 5, item 6): under 2 s and under 5 MB of html
/// for 200 candidates over 100 cases.
/// </summary>
internal static class ReportRender
{
    public static Task<int> RunAsync(string[] args)
    {
        var candidates = int.Parse(Arg(args, "--candidates", "200"), CultureInfo.InvariantCulture);
        var cases = int.Parse(Arg(args, "--cases", "100"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Arg(args, "--seed", "1"), CultureInfo.InvariantCulture);
        var times = int.Parse(Arg(args, "--times", "5"), CultureInfo.InvariantCulture);
        var runs = Directory.CreateDirectory(Path.GetFullPath(Arg(args, "--out", Path.Combine(Path.GetTempPath(), "evolve-report-bench")))).FullName;

        var clock = Stopwatch.StartNew();
        var directory = SyntheticRun.Create(runs, candidates, cases, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {directory} ({new FileInfo(Path.Combine(directory, "run.db")).Length / 1e6:0.0} MB run.db) in {clock.Elapsed.TotalSeconds:0.00} s"));

        var seconds = new List<double>();
        for (var i = 0; i < times; i++)
        {
            clock.Restart();
            RunReports.WriteAll(directory, TimeProvider.System);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(Phases(directory));
        var sizes = string.Join(", ", Enum.GetValues<RunReportFormat>().Select(RunReports.FileName).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f} {new FileInfo(Path.Combine(directory, f)).Length / 1e6:0.00} MB")));
        var warm = seconds.Skip(1).DefaultIfEmpty(seconds[0]).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{candidates} candidates x {cases} cases: first render {seconds[0]:0.00} s, then median {warm.Order().ElementAt(warm.Count / 2):0.00} s (min {warm.Min():0.00}, max {warm.Max():0.00}) over {warm.Count}; {sizes}"));
        return Task.FromResult(0);
    }

    /// <summary>
    /// Where the time goes, on a warm process: reading, clustering (as the report does it), then each
    /// format built and rendered (every rendering builds the report again: building is not public).
    /// </summary>
    private static string Phases(string directory)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<RolloutRow> rows;
        using (var store = RunStore.Open(directory, TimeProvider.System))
        {
            rows = store.LoadRolloutRows();
        }

        var read = clock.Elapsed.TotalSeconds;
        var failures = rows.Where(r => !r.Pass && r.Feedback is not null).Select(r => new FailureText(r.CandidateId, r.CaseId, r.Feedback!)).ToList();
        FailureClusters.Find(failures, new FailureClusterOptions { MaxInputs = RunReports.MaxClusteredTexts });
        var clusters = clock.Elapsed.TotalSeconds;
        var phases = Enum.GetValues<RunReportFormat>().Select(f =>
        {
            clock.Restart();
            RunReports.Render(directory, f, TimeProvider.System);
            return string.Create(CultureInfo.InvariantCulture, $"{f.ToString().ToLowerInvariant()} {clock.Elapsed.TotalSeconds:0.00} s");
        }).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"phases: read {rows.Count} rollout rows {read:0.00} s, cluster {failures.Count} failures {clusters - read:0.00} s, build and render {string.Join(", ", phases)}");
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
