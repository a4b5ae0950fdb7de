using System.Text;
using Evolve.Kernel.Diffs;

namespace Evolve.Kernel.Library;

/// <summary>Reads: they take no lock and see only committed state (never a move in progress).</summary>
public sealed partial class PromptLibrary
{
    /// <summary>Every version's metadata, oldest first; empty before the library is initialized.</summary>
    public IReadOnlyList<LibraryVersion> History(string agent)
    {
        var store = Open(agent);
        return store.CommittedVersionNumbers().Select(store.ReadMetadata).ToArray();
    }

    /// <summary>A version with its files; throws if it does not exist or its files no longer match its hash.</summary>
    public LibrarySnapshot Show(string agent, int version) => Open(agent).ReadCommittedSnapshot(version);

    /// <summary>The channel pointers and canary share, or null before the library is initialized.</summary>
    public ChannelState? Channels(string agent) => Open(agent).ReadChannels();

    /// <summary>Every ledger line, oldest first.</summary>
    public IReadOnlyList<LedgerEntry> Ledger(string agent) => Open(agent).ReadLedger();

    /// <summary>
    /// A unified-style line diff from version <paramref name="from"/> to <paramref name="to"/>, one
    /// section per changed artifact file (labels <c>a/file@from</c> and <c>b/file@to</c>); empty when
    /// the versions hold the same texts.
    /// </summary>
    public string Diff(string agent, int from, int to)
    {
        var store = Open(agent);
        var a = store.ReadCommittedSnapshot(from).Files;
        var b = store.ReadCommittedSnapshot(to).Files;
        var output = new StringBuilder();
        foreach (var name in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var lines = LineDiff.Compare(a.GetValueOrDefault(name, string.Empty), b.GetValueOrDefault(name, string.Empty));
            output.Append(LineDiff.Unified(LineDiff.Hunks(lines), $"a/{name}@{from}", $"b/{name}@{to}", HunkRanges.Counted));
        }

        return output.ToString();
    }

    /// <summary>
    /// The version a session should use; resolve once at session start and keep it for the session.
    /// <see cref="LibraryChannel.Live"/> gives the live version. <see cref="LibraryChannel.Canary"/>
    /// gives the canary version to the configured share of sessions, picked by a stable hash of
    /// <paramref name="sessionId"/>, and live to the rest; with no session id it gives the canary
    /// version itself (a pinned request). With no canary deployed every session gets live.
    /// Returns null before the library is initialized (use the live files as they are).
    /// </summary>
    public ResolvedVersion? Resolve(string agent, LibraryChannel channel = LibraryChannel.Live, string? sessionId = null)
    {
        var store = Open(agent);
        if (store.ReadChannels() is not { } channels)
        {
            return null;
        }

        var useCanary = channel == LibraryChannel.Canary && channels.Canary.Version is not null
            && (sessionId is null || CanaryRouter.PicksCanary(sessionId, channels.CanaryShare));
        var picked = useCanary ? LibraryChannel.Canary : LibraryChannel.Live;
        var version = channels.Get(picked).Version!.Value;
        return new ResolvedVersion(store.Agent, version, picked, store.ReadMetadata(version).Sha256);
    }

    /// <summary>
    /// The files the live channel serves, for a reader that scores or runs "the agent" (eval, run,
    /// compare). While a write is changing the live files, or if one was killed part-way, these are
    /// the committed live version's texts, never the half-written files. Otherwise they are the live
    /// files as they are: the committed version's texts, or hand edits made since (flagged, and kept
    /// as a 'manual' version by the next deploy). Before any history, the live files as they are.
    /// </summary>
    public LibraryLiveFiles LiveFiles(string agent)
    {
        var store = Open(agent);
        var before = store.ReadChannels();
        var working = store.ReadLiveFiles();

        // Read after the files: a write that journalled its live files, or committed a move, since then may have changed them under us.
        var changing = store.ReadPending()?.OldLiveFiles is not null;
        var after = store.ReadChannels();
        if (after is null)
        {
            return new LibraryLiveFiles(working, null, false);
        }

        var version = after.Live.Version!.Value;
        var snapshot = store.ReadSnapshot(version);
        var resolved = new ResolvedVersion(store.Agent, version, LibraryChannel.Live, snapshot.Metadata.Sha256);
        return changing || before != after || ContentHash.Compute(working) == snapshot.Metadata.Sha256
            ? new LibraryLiveFiles(snapshot.Files, resolved, false)
            : new LibraryLiveFiles(working, resolved, true);
    }

    /// <summary>
    /// Opens an agent for reading. What a killed writer left (its journal, temp files, uncommitted
    /// versions) is undone here too when the lock is free, so it never waits for the next write;
    /// while a writer holds the lock it is left alone (readers see the committed state either way).
    /// </summary>
    private AgentStore Open(string agent)
    {
        var store = new AgentStore(_options.PromptsDirectory, agent);
        if (LibraryRecovery.IsNeeded(store) && LibraryLock.TryAcquire(store.LockPath) is { } held)
        {
            using (held)
            {
                LibraryRecovery.Recover(store);
            }
        }

        return store;
    }
}
