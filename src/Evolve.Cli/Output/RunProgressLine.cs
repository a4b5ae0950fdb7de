using System.Globalization;
using Evolve.Core.Gepa;

namespace Evolve.Cli.Output;

/// <summary>
/// The live line of <c>evolve run</c> on a terminal: phase, rollouts done of the budget and the
/// current best, redrawn in place; every other line written through it first clears the live
/// line, so the two never mix. When the error stream is redirected it draws nothing: the
/// per-generation lines are the log.
/// </summary>
internal sealed class RunProgressLine(TextWriter error, bool live)
{
    private const string ClearToEnd = "\u001b[K";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private bool _drawn;

    /// <summary>One line of the log (a generation, a note), above the live line.</summary>
    public void WriteLine(string text)
    {
        lock (_gate)
        {
            Clear();
            error.WriteLine(text);
        }
    }

    /// <summary>Redraws the live line from <paramref name="progress"/> (nothing when not live or before the run has started).</summary>
    public void Draw(RunProgress progress)
    {
        if (!live || progress.RunId is null)
        {
            return;
        }

        lock (_gate)
        {
            error.Write("\r" + Text(progress) + ClearToEnd);
            error.Flush();
            _drawn = true;
        }
    }

    /// <summary>Runs <paramref name="work"/>, redrawing the live line until it ends, then removes the line.</summary>
    public async Task<T> RunAsync<T>(RunProgress progress, Task<T> work)
    {
        while (live && !work.IsCompleted)
        {
            Draw(progress);
            await Task.WhenAny(work, Task.Delay(Tick)).ConfigureAwait(false);
        }

        lock (_gate)
        {
            Clear();
        }

        return await work.ConfigureAwait(false);
    }

    /// <summary>For example <c>gen 3  search  rollouts 412/1500  best val 0.812</c>.</summary>
    public static string Text(RunProgress p)
    {
        var best = double.IsNaN(p.BestScore) ? "-" : p.BestScore.ToString("0.000", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"gen {p.Generation}  {p.Phase}  rollouts {p.Rollouts.Completed}/{p.Budget}  best val {best}");
    }

    private void Clear()
    {
        if (_drawn)
        {
            error.Write("\r" + ClearToEnd);
            _drawn = false;
        }
    }
}
