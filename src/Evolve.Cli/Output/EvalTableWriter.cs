using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Core.Reports;
using Evolve.Core.Reports.Run;
using Spectre.Console;

namespace Evolve.Cli.Output;

/// <summary>The human summary of an evaluation: the model line first, then scores, then the cases worth a look.</summary>
internal static class EvalTableWriter
{
    private const int MaxRows = 40;

    public static void Write(EvalJobResult result, TextWriter writer)
    {
        var s = result.Summary;
        writer.WriteLine(ModelLabel.Line(result.Model));
        writer.WriteLine($"suite: {result.Suite.Name}   agent: {result.Run.Agent}   candidate: {result.Candidate.ShortId}" +
            (result.Sandbox is null ? "" : $"   sandbox: {result.Sandbox}"));
        writer.WriteLine($"run: {result.RunDirectory}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mean score {s.MeanScore:0.000}   pass rate {s.PassRate:P1}   cases {s.Cases.Count}   rollouts {s.Rollouts.Count} ({s.NewRollouts} new)   errors {s.Errors}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokens in {s.Tokens.Input} out {s.Tokens.Output}   wall {s.WallTime.TotalSeconds:0.00} s   {s.RolloutsPerSecond:0} rollouts/s"));

        if (result.Suite.Metrics(s.NamedMetrics) is { Count: > 0 } metrics)
        {
            writer.WriteLine("metrics: " + string.Join("   ", metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.000}"))));
        }

        var failures = s.Cases.Where(c => c.PassRate < 1).ToList();
        var shown = s.Cases.Count <= MaxRows ? s.Cases : failures.Take(MaxRows).ToList();
        if (shown.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("case").AddColumn("split").AddColumn(new TableColumn("score").RightAligned())
                .AddColumn(new TableColumn("pass").RightAligned()).AddColumn("feedback");
            foreach (var c in shown)
            {
                var feedback = c.Rollouts.FirstOrDefault(r => !r.Score.Pass)?.Score.Feedback ?? "";
                table.AddRow(
                    Markup.Escape(c.Case.Id), c.Case.Split?.ToString().ToLowerInvariant() ?? "",
                    c.MeanScore.ToString("0.000", CultureInfo.InvariantCulture), c.PassRate.ToString("P0", CultureInfo.InvariantCulture),
                    Markup.Escape(OneLine(feedback, 90)));
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
            });
            console.Profile.Width = 160;
            console.Write(table);
            if (s.Cases.Count > MaxRows && shown.Count < failures.Count)
            {
                // A cut list of failures reads as the whole list unless it says so and where the rest are.
                writer.WriteLine($"showing {shown.Count} of {failures.Count} failing cases; all are in " +
                    $"{Path.Combine(result.RunDirectory, RunReports.FileName(RunReportFormat.Html))} and in --format json");
            }
            else if (shown.Count < s.Cases.Count)
            {
                writer.WriteLine($"({shown.Count} of {s.Cases.Count} cases shown: those that did not always pass; --format json has all)");
            }
        }

        if (result.MinScore is double min)
        {
            writer.WriteLine(result.GatePassed
                ? string.Create(CultureInfo.InvariantCulture, $"gate: mean score {s.MeanScore:0.000} >= {min} passed")
                : string.Create(CultureInfo.InvariantCulture, $"gate: mean score {s.MeanScore:0.000} < {min} FAILED"));
        }
    }

    private static string OneLine(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }
}
