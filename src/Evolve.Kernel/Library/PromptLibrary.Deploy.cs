namespace Evolve.Kernel.Library;

/// <summary>Channel moves: deploy, promote, rollback, and the journal that makes each all-or-nothing.</summary>
public sealed partial class PromptLibrary
{
    /// <summary>
    /// Points <paramref name="channel"/> at <paramref name="version"/>; for the live channel also
    /// rewrites the live files (hand edits to them are first kept as a 'manual' version). When
    /// <paramref name="expectedGeneration"/> is given and the channel has moved since, throws a
    /// <see cref="LibraryConflictException"/>. On any failure nothing changes. Returns the ledger line.
    /// </summary>
    public LedgerEntry Deploy(string agent, int version, LibraryChannel channel = LibraryChannel.Live, long? expectedGeneration = null, string actor = "evolve") =>
        Write(agent, store => Move(store, EnsureInitialized(store, actor).Channels, version, channel, expectedGeneration, actor, LedgerAction.Deploy));

    /// <summary>Adds a version and deploys it under one lock (ledger action promote). Returns the ledger line; its <c>To</c> is the new version.</summary>
    public LedgerEntry Promote(string agent, IReadOnlyDictionary<string, string> files, VersionMetadata metadata, LibraryChannel channel = LibraryChannel.Live, long? expectedGeneration = null, string actor = "evolve") =>
        Write(agent, store =>
        {
            var channels = EnsureInitialized(store, actor).Channels;
            RequireGeneration(store, channels, channel, expectedGeneration);
            var version = AddVersionLocked(store, files, metadata);
            return Move(store, channels, version, channel, expectedGeneration, actor, LedgerAction.Promote);
        });

    /// <summary>
    /// Moves <paramref name="channel"/> back to <paramref name="toVersion"/>, by default the version
    /// it served before the current one (read from the ledger, skipping versions already rolled back).
    /// </summary>
    public LedgerEntry Rollback(string agent, int? toVersion = null, string actor = "evolve", LibraryChannel channel = LibraryChannel.Live, long? expectedGeneration = null) =>
        Write(agent, store =>
        {
            var channels = EnsureInitialized(store, actor).Channels;
            var current = channels.Get(channel).Version;
            var target = toVersion ?? PreviousVersion(store.ReadLedgerFile(), channel)
                ?? throw new InvalidOperationException($"the {channel.ToString().ToLowerInvariant()} channel of '{agent}' has no earlier version to roll back to");
            if (target == current)
            {
                throw new InvalidOperationException($"version {target} of '{agent}' is already {channel.ToString().ToLowerInvariant()}");
            }

            return Move(store, channels, target, channel, expectedGeneration, actor, LedgerAction.Rollback);
        });

    /// <summary>Sets the share of sessions, in [0, 1], that <see cref="Resolve"/> sends to the canary.</summary>
    public LedgerEntry SetCanaryShare(string agent, double share, string actor = "evolve")
    {
        if (share is < 0 or > 1 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "the canary share must be in [0, 1]");
        }

        return Write(agent, store =>
        {
            var channels = EnsureInitialized(store, actor).Channels;
            var entry = new LedgerEntry
            {
                Seq = store.ReadLedgerFile().Count + 1, Action = LedgerAction.CanaryShare, Actor = actor,
                Time = _options.TimeProvider.GetUtcNow(), Channel = LibraryChannel.Canary, Note = $"share {share:0.###}",
            };
            Commit(store, channels with { CanaryShare = share }, entry, null);
            return entry;
        });
    }

    /// <summary>Moves a channel from <paramref name="channels"/>, the state the caller read under this same lock.</summary>
    private LedgerEntry Move(AgentStore store, ChannelState channels, int version, LibraryChannel channel, long? expectedGeneration, string actor, LedgerAction action)
    {
        RequireGeneration(store, channels, channel, expectedGeneration);
        var target = store.ReadSnapshot(version);
        Dictionary<string, string>? live = null;
        if (channel == LibraryChannel.Live)
        {
            live = store.ReadLiveFiles();
            var liveVersion = channels.Live.Version!.Value;
            if (ContentHash.Compute(live) != store.ReadMetadata(liveVersion).Sha256)
            {
                // The live files were edited by hand since the last deploy: keep the edit in history before replacing it.
                var kept = AddVersionLocked(store, live, new VersionMetadata { Operator = "manual", Parents = [liveVersion] });
                RecordAdded(store, kept, "manual", actor);
            }
        }

        var moved = channels.Move(channel, version);
        var entry = new LedgerEntry
        {
            Seq = store.ReadLedgerFile().Count + 1, Action = action, Actor = actor, Time = _options.TimeProvider.GetUtcNow(),
            Channel = channel, From = channels.Get(channel).Version, To = version, Generation = moved.Get(channel).Generation,
            Evidence = target.Metadata.Evidence,
        };
        Commit(store, moved, entry, live is null ? null : (live, target.Files));
        return entry;
    }

    private static void RequireGeneration(AgentStore store, ChannelState channels, LibraryChannel channel, long? expected)
    {
        var actual = channels.Get(channel).Generation;
        if (expected is long generation && generation != actual)
        {
            throw new LibraryConflictException(
                $"the {channel.ToString().ToLowerInvariant()} channel of '{store.Agent}' moved: expected generation {generation}, found {actual}; another writer changed it, re-read and retry");
        }
    }

    /// <summary>
    /// Live files (journalled first), pointer and ledger line, inside the write's journal: the
    /// write commits when <see cref="Write"/> deletes the journal, and is undone on any failure before.
    /// </summary>
    private void Commit(AgentStore store, ChannelState moved, LedgerEntry entry, (Dictionary<string, string> Old, IReadOnlyDictionary<string, string> New)? live)
    {
        if (live is { } files)
        {
            store.JournalLiveFiles(files.Old);
            var temps = files.New.Select(f => (Temp: AtomicFile.WriteTemp(store.LivePath(f.Key), f.Value), Path: store.LivePath(f.Key))).ToList();
            Fault("live-temps-written");
            foreach (var (temp, path) in temps)
            {
                File.Move(temp, path, overwrite: true);
                Fault("live-file-replaced");
            }
        }

        store.WriteChannels(moved, Fault);
        Fault("pointer-written");
        store.AppendLedger(entry);
        Fault("ledger-appended");
    }

    /// <summary>The version a channel served before its current one, replaying the ledger as a stack.</summary>
    private static int? PreviousVersion(IReadOnlyList<LedgerEntry> ledger, LibraryChannel channel)
    {
        var stack = new List<int>();
        foreach (var entry in ledger.Where(e => e.Channel == channel && e.To is not null))
        {
            var to = entry.To!.Value;
            if (entry.Action == LedgerAction.Rollback && stack.LastIndexOf(to) is var at and >= 0)
            {
                stack.RemoveRange(at + 1, stack.Count - at - 1);
            }
            else
            {
                stack.Add(to);
            }
        }

        return stack.Count >= 2 ? stack[^2] : null;
    }
}
