using System.Collections.Concurrent;
using System.Diagnostics;

namespace Evolve.Kernel.Sandbox;

/// <summary>
/// Starts every sandbox process from one dedicated thread that lives as long as Evolve.
/// Why: bubblewrap's <c>--die-with-parent</c> uses PR_SET_PDEATHSIG, which fires when the
/// parent <em>thread</em> that forked it exits, not the parent process. Started from a
/// thread-pool thread, sandboxes were SIGKILLed at random whenever the pool retired that thread.
/// </summary>
internal static class ProcessSpawner
{
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Queue = [];

    static ProcessSpawner()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "evolve-sandbox-spawner" };
        thread.Start();
    }

    /// <summary>Starts <paramref name="process"/> on the spawner thread; faults like <see cref="Process.Start()"/>.</summary>
    public static Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((process, started));
        return started.Task;
    }

    private static void Run()
    {
        foreach (var (process, started) in Queue.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception ex)
            {
                started.SetException(ex);
            }
        }
    }
}
