using Evolve.Core.Runs;

namespace Evolve.Core.Compare;

/// <summary>Finds an unfinished compare run with the same options, so re-running an interrupted compare continues it.</summary>
internal static class CompareRuns
{
    /// <summary>The newest compare run not finished, not in use, and started with exactly <paramref name="optionsJson"/>; else null.</summary>
    public static string? FindResumable(string runsDirectory, string optionsJson, TimeProvider time)
    {
        if (!Directory.Exists(runsDirectory))
        {
            return null;
        }

        // Compare run ids contain "-compare-": only those folders are opened.
        var folders = Directory.EnumerateDirectories(runsDirectory, "*-compare-*")
            .Where(d => File.Exists(Path.Combine(d, RunStore.FileName)))
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal);
        foreach (var directory in folders)
        {
            try
            {
                using var store = RunStore.OpenReadOnly(directory, time);
                var info = store.LoadInfo();
                if (info.Kind == CompareJob.Kind && info.Status != RunStatus.Finished && info.OptionsJson == optionsJson && !RunLock.IsHeld(directory))
                {
                    return directory;
                }
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                // An unreadable run is not one to continue; evolve runs list reports it.
            }
        }

        return null;
    }
}
