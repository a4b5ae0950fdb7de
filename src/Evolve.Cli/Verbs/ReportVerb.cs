using System.CommandLine;
using System.Diagnostics;
using Evolve.Core.Reports.Run;
using Evolve.Core.Runs;
using Evolve.Kernel;

namespace Evolve.Cli.Verbs;

/// <summary><c>evolve report RUN</c>: render a run (optimization or eval) as html, md or json.</summary>
internal static class ReportVerb
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "Run id (folder under runs/), a unique prefix of one, latest (the newest run), or a run folder's path" };
        var format = Choices.ReportFormat("html (one self-contained page), md (pull-request summary) or json");
        var output = new Option<string?>("--output", "-o") { Description = "Write here instead of runs/<id>/report.<format> (md and json go to standard output unless given)" };
        var open = new Option<bool>("--open") { Description = "Open the written file with xdg-open (prints its path when that is not available)" };
        var paths = WorkspaceOptions.Create();
        var command = new Command("report", """
            Render a run as one self-contained HTML page (score against rollouts, lineage, Pareto
            front, candidate x case heatmap, prompt diffs, failure clusters, usage, holdout verdict),
            a Markdown summary for a pull request, or JSON. evolve run and evolve eval write all three
            into the run folder when they finish.

            Examples:
              evolve report latest --open
              evolve report latest --format md > summary.md
              evolve report latest --format json -o report.json
            """);
        command.Arguments.Add(run);
        foreach (var option in new Option[] { format.Option, output, open })
        {
            command.Options.Add(option);
        }

        paths.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var directory = Locate(parse.GetValue(run)!, paths.Resolve(parse, context).Runs, context.WorkingDirectory);
            var chosen = format.GetValue(parse);
            var text = RunReports.Render(directory, chosen, context.Dependencies.Time);
            var target = parse.GetValue(output) is { } o ? Path.GetFullPath(o, context.WorkingDirectory)
                : chosen == RunReportFormat.Html || parse.GetValue(open) ? Path.Combine(directory, RunReports.FileName(chosen)) : null;
            if (target is null)
            {
                await context.Out.WriteAsync(text).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            RunReports.Write(target, text);
            await context.Out.WriteLineAsync($"report: {target}").ConfigureAwait(false);
            if (parse.GetValue(open))
            {
                await OpenAsync(target, context, ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Writes report.html, report.md and report.json into a run folder when a run or eval ends. The
    /// results are already stored and printed, so a failure to render must not turn a good run into
    /// a failed one: it is said on the error stream instead.
    /// </summary>
    public static void WriteAfterRun(string runDirectory, CliContext context, TextWriter say)
    {
        try
        {
            var written = RunReports.WriteAll(runDirectory, context.Dependencies.Time);
            say.WriteLine($"report: {written[0]}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            context.Error.WriteLine($"warning: the run report could not be written: {ex.Message} (evolve report {Path.GetFileName(runDirectory)} tries again)");
        }
    }

    /// <summary>A run folder by path, else as <see cref="RunCatalog.Find"/> finds one (id, unique prefix, latest).</summary>
    internal static string Locate(string run, string runs, string workingDirectory)
    {
        var asPath = Path.GetFullPath(run, workingDirectory);
        return File.Exists(Path.Combine(asPath, RunStore.FileName)) ? asPath : RunCatalog.Find(runs, run, "RUN");
    }

    private static async Task OpenAsync(string path, CliContext context, CancellationToken cancellationToken)
    {
        var opener = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "xdg-open")).FirstOrDefault(File.Exists);
        if (opener is null)
        {
            await context.Error.WriteLineAsync($"no xdg-open here: open {path} in a browser").ConfigureAwait(false);
            return;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(opener, [path]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is not null)
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            // Opening is a convenience: the report is written either way.
            await context.Error.WriteLineAsync($"could not run xdg-open ({ex.Message}): open {path} in a browser").ConfigureAwait(false);
        }
    }
}
