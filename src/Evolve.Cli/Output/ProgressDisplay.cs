using Evolve.Core.Evaluation;
using Spectre.Console;

namespace Evolve.Cli.Output;

/// <summary>
/// Shows an evaluation's progress while it runs: a live bar on a terminal, and plain lines at
/// every tenth when output is redirected (so logs stay readable).
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    public static async Task<T> RunAsync<T>(EvaluationProgress progress, CliContext context, string label, Func<Task<T>> work)
    {
        var task = work();
        if (context.Interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask(label);
                    while (!task.IsCompleted)
                    {
                        bar.MaxValue = Math.Max(1, progress.Total);
                        bar.Value = progress.Completed;
                        bar.Description = $"{label} {progress.Completed}/{progress.Total} mean {progress.MeanScore:0.000}";
                        await Task.WhenAny(task, Task.Delay(Tick)).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
            return await task.ConfigureAwait(false);
        }

        var reported = -1;
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(Tick)).ConfigureAwait(false);
            var tenth = progress.Total == 0 ? 10 : progress.Completed * 10 / progress.Total;
            if (tenth > reported && progress.Total > 0)
            {
                reported = tenth;
                await context.Error.WriteLineAsync(
                    $"{label}: {progress.Completed}/{progress.Total} rollouts ({tenth * 10}%), mean score {progress.MeanScore:0.000}").ConfigureAwait(false);
            }
        }

        return await task.ConfigureAwait(false);
    }
}
