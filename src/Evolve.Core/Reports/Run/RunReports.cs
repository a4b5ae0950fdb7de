using System.Text;
using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Run;

/// <summary>
/// The run report's entry point: <c>report.html</c>, <c>report.md</c> and <c>report.json</c> in a
/// run folder, written at the end of every <c>evolve run</c> and <c>evolve eval</c> and by
/// <c>evolve report RUN</c>.
/// </summary>
public static class RunReports
{
    /// <summary>Distinct feedback texts a report's failure clustering trains on at most (the rest are assigned), so a large run's report stays fast.</summary>
    public const int MaxClusteredTexts = 500;

    /// <summary>The file name of a rendering inside the run folder, e.g. <c>report.html</c>.</summary>
    public static string FileName(RunReportFormat format) => "report." + format.ToString().ToLowerInvariant();

    /// <summary>Renders the run in <paramref name="runDirectory"/> in one format.</summary>
    /// <exception cref="Kernel.InputException">The folder's run.db is not a run database or has no run header.</exception>
    public static string Render(string runDirectory, RunReportFormat format, TimeProvider time)
    {
        using var store = RunStore.Open(runDirectory, time);
        RequireHeader(store);
        return Render(RunReportBuilder.Build(store), format);
    }

    /// <summary>Writes all three renderings into the run folder (each atomically) and returns their paths, html first.</summary>
    public static IReadOnlyList<string> WriteAll(string runDirectory, TimeProvider time)
    {
        RunReport report;
        using (var store = RunStore.Open(runDirectory, time))
        {
            RequireHeader(store);
            report = RunReportBuilder.Build(store);
        }

        return [.. Enum.GetValues<RunReportFormat>().Select(format =>
        {
            var path = Path.Combine(runDirectory, FileName(format));
            Write(path, Render(report, format));
            return path;
        })];
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file, so a reader never sees half a report.</summary>
    public static void Write(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    internal static string Render(RunReport report, RunReportFormat format) => format switch
    {
        RunReportFormat.Md => RunReportMarkdown.Render(report),
        RunReportFormat.Json => RunReportJson.Render(report),
        _ => RunReportHtml.Render(report),
    };

    // A database without a header is a user's file, not a bug: report it as bad input.
    private static void RequireHeader(RunStore store)
    {
        try
        {
            store.LoadInfo();
        }
        catch (InvalidOperationException)
        {
            throw new Kernel.InputException(Path.Combine(store.Directory, RunStore.FileName), null, null,
                "the run database has no run header (the run never started, or the file is not Evolve's)");
        }
    }
}
