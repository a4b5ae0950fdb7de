namespace Evolve.Kernel.Library;

/// <summary>
/// Undoes what a killed or failed writer left: the journalled write (old live files, pointers and
/// ledger back, its versions removed, or the whole <c>.history</c> when the write created it), a
/// <c>.history</c> that never got past its first write, and temp files. Call only under the lock.
/// </summary>
internal static class LibraryRecovery
{
    /// <summary>True when <see cref="Recover"/> has something to do (cheap enough for every read).</summary>
    public static bool IsNeeded(AgentStore store) =>
        File.Exists(store.PendingPath) || IsEmptyHistory(store)
        || AtomicFile.HasTemps(store.AgentDirectory) || AtomicFile.HasTemps(store.HistoryDirectory) || AtomicFile.HasTemps(store.VersionsDirectory);

    public static void Recover(AgentStore store)
    {
        if (store.ReadPending() is { } pending)
        {
            Undo(store, pending);
        }
        else if (IsEmptyHistory(store))
        {
            RemoveHistory(store);
        }

        AtomicFile.DeleteTemps(store.AgentDirectory);
        AtomicFile.DeleteTemps(store.HistoryDirectory);
        AtomicFile.DeleteTemps(store.VersionsDirectory);
    }

    // Each step is idempotent and the journal goes last, so a crash while recovering is recovered next time.
    private static void Undo(AgentStore store, PendingDeploy pending)
    {
        foreach (var (name, text) in pending.OldLiveFiles ?? new Dictionary<string, string>())
        {
            AtomicFile.Write(store.LivePath(name), text);
        }

        if (pending.HistoryCreated)
        {
            RemoveHistory(store);
            return;
        }

        if (pending.OldChannels is { } old)
        {
            store.WriteChannels(old, _ => { });
        }
        else
        {
            File.Delete(store.ChannelsPath);
        }

        AtomicFile.Truncate(store.LedgerPath, pending.LedgerLength);
        foreach (var version in store.VersionNumbers().Where(v => v >= (pending.FirstNewVersion ?? int.MaxValue)))
        {
            Directory.Delete(store.VersionDirectory(version), recursive: true);
        }

        File.Delete(store.PendingPath);
    }

    /// <summary>A <c>.history</c> holding nothing committed: created by a writer killed before its journal.</summary>
    private static bool IsEmptyHistory(AgentStore store) =>
        Directory.Exists(store.HistoryDirectory) && !File.Exists(store.ChannelsPath) && !File.Exists(store.PendingPath)
        && !File.Exists(store.LedgerPath) && store.VersionNumbers().Count == 0;

    // Renamed away first, so a crash half-way through the delete never leaves a half-emptied history.
    private static void RemoveHistory(AgentStore store)
    {
        var doomed = Path.Combine(store.AgentDirectory, $".history.tmp-{Guid.NewGuid():N}");
        Directory.Move(store.HistoryDirectory, doomed);
        Directory.Delete(doomed, recursive: true);
    }
}
