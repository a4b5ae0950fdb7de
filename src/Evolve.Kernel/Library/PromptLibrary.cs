using System.Text.RegularExpressions;

namespace Evolve.Kernel.Library;

/// <summary>
/// The live library over <c>prompts/&lt;agent&gt;/</c>: the live artifact files stay plain files
/// (what a pull request diff shows); <c>.history/</c> beside them holds immutable numbered
/// versions of the whole artifact set, the <c>live</c> and <c>canary</c> pointers with
/// generation numbers, and an append-only ledger. Writers take an exclusive lock file; every
/// channel move is journalled so that a failure or a crash before success is reported leaves the
/// previous state. Safe to share between threads and processes.
/// </summary>
public sealed partial class PromptLibrary
{
    private readonly PromptLibraryOptions _options;

    /// <summary>Creates a library; throws an <see cref="ArgumentException"/> listing every bad option.</summary>
    public PromptLibrary(PromptLibraryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PromptsDirectory) || !Directory.Exists(options.PromptsDirectory))
        {
            problems.Add($"PromptsDirectory '{options.PromptsDirectory}' is not an existing folder");
        }

        if (options.LockTimeout < TimeSpan.Zero)
        {
            problems.Add($"LockTimeout must not be negative, not {options.LockTimeout}");
        }

        if (options.DefaultCanaryShare is < 0 or > 1 or double.NaN)
        {
            problems.Add($"DefaultCanaryShare must be in [0, 1], not {options.DefaultCanaryShare}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        _options = options;
    }

    /// <summary>Test seam: called with a step name at each point a crash could happen; returning true simulates a crash there.</summary>
    internal Func<string, bool>? FaultAt { get; set; }

    /// <summary>
    /// Records the current live files as version 1 (operator seed) and points live at it, if the
    /// agent has no history yet. Every write does this first, so calling it is optional.
    /// Returns false when the history already existed.
    /// </summary>
    public bool Initialize(string agent, string actor = "evolve") =>
        Write(agent, store => EnsureInitialized(store, actor).Created);

    /// <summary>
    /// Adds an immutable version holding exactly the agent's declared artifact files and returns its
    /// number. It is not deployed. Bad file names, a missing or extra file, an unknown parent or a
    /// bad operator throw an <see cref="InputException"/> listing every problem.
    /// </summary>
    public int AddVersion(string agent, IReadOnlyDictionary<string, string> files, VersionMetadata metadata, string actor = "evolve") =>
        Write(agent, store =>
        {
            EnsureInitialized(store, actor);
            var version = AddVersionLocked(store, files, metadata);
            RecordAdded(store, version, metadata.Operator, actor);
            return version;
        });

    /// <summary>Gives a version that no channel move names its own ledger line, so every version on disk has one.</summary>
    private void RecordAdded(AgentStore store, int version, string @operator, string actor)
    {
        store.AppendLedger(new LedgerEntry
        {
            Seq = store.ReadLedgerFile().Count + 1, Action = LedgerAction.Add, Actor = actor, Time = _options.TimeProvider.GetUtcNow(),
            To = version, Note = $"operator {@operator}",
        });
        Fault("ledger-appended");
    }

    private int AddVersionLocked(AgentStore store, IReadOnlyDictionary<string, string> files, VersionMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(metadata);
        var existing = store.VersionNumbers();
        var where = store.HistoryDirectory;
        var errors = new List<InputError>();
        errors.AddRange(files.Keys.Where(f => !store.Artifacts.Contains(f, StringComparer.Ordinal))
            .Select(f => new InputError(where, null, "files", $"'{f}' is not an artifact of '{store.Agent}' (artifacts: {string.Join(", ", store.Artifacts)})")));
        errors.AddRange(store.Artifacts.Where(a => !files.ContainsKey(a))
            .Select(a => new InputError(where, null, "files", $"artifact '{a}' is missing: a version holds every artifact")));
        errors.AddRange(metadata.Parents.Where(p => !existing.Contains(p))
            .Select(p => new InputError(where, null, "parents", $"version {p} does not exist")));
        if (!OperatorPattern().IsMatch(metadata.Operator ?? string.Empty))
        {
            errors.Add(new InputError(where, null, "operator", $"'{metadata.Operator}' is not an operator (seed, reflect, merge, manual, ...)"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        var snapshot = store.Artifacts.ToDictionary(a => a, a => files[a], StringComparer.Ordinal);
        var version = new LibraryVersion
        {
            Version = existing.Count == 0 ? 1 : existing[^1] + 1,
            Sha256 = ContentHash.Compute(snapshot),
            Files = store.Artifacts,
            Parents = metadata.Parents.ToArray(),
            Operator = metadata.Operator!,
            RunId = metadata.RunId,
            CandidateId = metadata.CandidateId,
            Evidence = metadata.Evidence?.DeepClone().AsObject(),
            Gates = metadata.Gates?.DeepClone().AsObject(),
            CreatedAt = _options.TimeProvider.GetUtcNow(),
        };
        store.WriteVersion(version, snapshot, Fault);
        return version.Version;
    }

    private (ChannelState Channels, bool Created) EnsureInitialized(AgentStore store, string actor)
    {
        if (store.ReadChannelsFile() is { } channels)
        {
            return (channels, false);
        }

        // A crash may have left version 1 without channels.json: reuse it if it holds the live files.
        var live = store.ReadLiveFiles();
        var sha = ContentHash.Compute(live);
        var seed = store.VersionNumbers().FirstOrDefault(v => store.ReadMetadata(v).Sha256 == sha);
        if (seed == 0)
        {
            seed = AddVersionLocked(store, live, new VersionMetadata { Operator = "seed" });
        }

        var state = new ChannelState
        {
            Live = new ChannelPointer(seed, 1),
            Canary = new ChannelPointer(null, 0),
            CanaryShare = _options.DefaultCanaryShare,
        };
        Fault("seed-version-written");
        var ledger = store.ReadLedgerFile();
        if (!ledger.Any(e => e.Action == LedgerAction.Init))
        {
            store.AppendLedger(new LedgerEntry
            {
                Seq = ledger.Count + 1, Action = LedgerAction.Init, Actor = actor, Time = _options.TimeProvider.GetUtcNow(),
                Channel = LibraryChannel.Live, To = seed, Generation = 1,
            });
        }

        Fault("init-ledger-written");
        store.WriteChannels(state, Fault);
        Fault("pointer-written");
        return (state, true);
    }

    /// <summary>
    /// One write, all or nothing: under the lock, undo what a crashed writer left, journal, act,
    /// then delete the journal (the commit). A failure undoes everything, including a
    /// <c>.history</c> this write created; a crash leaves the journal for the next open to undo.
    /// </summary>
    private T Write<T>(string agent, Func<AgentStore, T> action)
    {
        var store = new AgentStore(_options.PromptsDirectory, agent);
        var onWait = _options.OnLockWait is { } notify
            ? () => notify($"waiting for the library lock of '{agent}': another deploy, promote or rollback is writing it")
            : (Action?)null;
        using var held = LibraryLock.Acquire(store.LockPath, _options.LockTimeout, onWait);
        LibraryRecovery.Recover(store);
        var created = !Directory.Exists(store.HistoryDirectory);
        Directory.CreateDirectory(store.HistoryDirectory);
        Fault("history-created");
        try
        {
            store.BeginJournal(new PendingDeploy
            {
                OldChannels = store.ReadChannelsFile(), LedgerLength = store.LedgerLength, HistoryCreated = created,
                FirstNewVersion = (store.VersionNumbers() is [.., var last] ? last : 0) + 1,
            });
            Fault("journal-written");
            var result = action(store);
            File.Delete(store.PendingPath);
            return result;
        }
        catch (Exception ex) when (ex is not SimulatedCrashException)
        {
            LibraryRecovery.Recover(store);
            throw;
        }
    }

    private void Fault(string step)
    {
        if (FaultAt?.Invoke(step) == true)
        {
            throw new SimulatedCrashException(step);
        }
    }

    [GeneratedRegex("^[a-z][a-z-]{0,31}$")]
    private static partial Regex OperatorPattern();
}
