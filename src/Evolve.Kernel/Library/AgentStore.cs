using System.Text.Json;
using Evolve.Kernel.Agents;

namespace Evolve.Kernel.Library;

/// <summary>
/// One agent's folder and history on disk: validated paths and the reading and writing of each
/// history file. Holds no lock; <see cref="PromptLibrary"/> decides when it may write.
/// </summary>
internal sealed class AgentStore
{
    public AgentStore(string promptsDirectory, string agent)
    {
        NameRules.RequireAgent(promptsDirectory, agent);
        Agent = agent;
        AgentDirectory = NameRules.Contain(promptsDirectory, agent);
        var profile = AgentProfileLoader.Load(promptsDirectory, agent);
        var yaml = Path.Combine(AgentDirectory, "agent.yaml");
        var errors = profile.ComponentFiles.Where(f => !NameRules.IsValidArtifact(f))
            .Select(f => new InputError(yaml, null, null, $"artifact '{f}' must be a plain file name in the agent's folder"))
            .ToList();
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        Artifacts = profile.ComponentFiles.Distinct().Order(StringComparer.Ordinal).ToArray();
        HistoryDirectory = NameRules.Contain(AgentDirectory, ".history");
        VersionsDirectory = NameRules.Contain(HistoryDirectory, "versions");
        ChannelsPath = Path.Combine(HistoryDirectory, "channels.json");
        LedgerPath = Path.Combine(HistoryDirectory, "ledger.jsonl");
        PendingPath = Path.Combine(HistoryDirectory, "pending.json");
        LockPath = Path.Combine(AgentDirectory, ".history.lock");
    }

    public string Agent { get; }

    public string AgentDirectory { get; }

    public string HistoryDirectory { get; }

    public string VersionsDirectory { get; }

    public string ChannelsPath { get; }

    public string LedgerPath { get; }

    public string PendingPath { get; }

    public string LockPath { get; }

    /// <summary>The journal of the write this store is doing (writers only), or null.</summary>
    public PendingDeploy? Journal { get; private set; }

    /// <summary>The artifact files the agent declares, in ordinal order.</summary>
    public IReadOnlyList<string> Artifacts { get; }

    public string LivePath(string artifact) => NameRules.Contain(AgentDirectory, artifact);

    public Dictionary<string, string> ReadLiveFiles() =>
        Artifacts.ToDictionary(a => a, a => File.ReadAllText(LivePath(a)), StringComparer.Ordinal);

    public IReadOnlyList<int> VersionNumbers() => !Directory.Exists(VersionsDirectory)
        ? []
        : Directory.EnumerateDirectories(VersionsDirectory)
            .Select(Path.GetFileName)
            .Select(n => int.TryParse(n, System.Globalization.NumberStyles.None, null, out var v) && v > 0 && n == v.ToString() ? v : 0)
            .Where(v => v > 0).Order().ToArray();

    /// <summary>The versions a reader may see: those of a write still in progress (or crashed) are not.</summary>
    public IReadOnlyList<int> CommittedVersionNumbers()
    {
        // Listed before the journal is read: a version renamed in after this listing belongs to a later write.
        var numbers = VersionNumbers();
        return ReadPending()?.FirstNewVersion is int first ? numbers.Where(v => v < first).ToArray() : numbers;
    }

    public string VersionDirectory(int version) => Path.Combine(VersionsDirectory, version.ToString());

    public LibraryVersion ReadMetadata(int version)
    {
        var path = Path.Combine(VersionDirectory(version), NameRules.VersionFile);
        if (!File.Exists(path))
        {
            throw NoVersion(version);
        }

        return JsonSerializer.Deserialize<LibraryVersion>(File.ReadAllText(path), LibraryJson.Indented)
            ?? throw new InvalidOperationException($"{path} is empty");
    }

    /// <summary>A committed version's files; a version of a write still in progress (or crashed) does not exist yet.</summary>
    public LibrarySnapshot ReadCommittedSnapshot(int version)
    {
        var snapshot = ReadSnapshot(version);
        return ReadPending()?.FirstNewVersion is int first && version >= first ? throw NoVersion(version) : snapshot;
    }

    // A writer lists what it sees under its lock (a first write's seed version 1 among them); a reader, what is committed.
    private InputException NoVersion(int version) =>
        new(HistoryDirectory, null, "version", $"agent '{Agent}' has no version {version} (versions: {string.Join(", ", Journal is null ? CommittedVersionNumbers() : VersionNumbers())})");

    /// <summary>Reads a version's files and fails closed if they no longer match the recorded hash.</summary>
    public LibrarySnapshot ReadSnapshot(int version)
    {
        var metadata = ReadMetadata(version);
        var files = metadata.Files.ToDictionary(
            f => f,
            f => File.ReadAllText(NameRules.Contain(VersionDirectory(version), NameRules.IsValidArtifact(f) ? f : throw new InvalidOperationException($"version {version} names a bad file '{f}'"))),
            StringComparer.Ordinal);
        var sha = ContentHash.Compute(files);
        return sha == metadata.Sha256
            ? new LibrarySnapshot(metadata, files)
            : throw new InvalidOperationException($"version {version} of '{Agent}' is corrupt: its files hash to {sha[..12]}, not {metadata.Sha256[..12]}");
    }

    /// <summary>Writes a complete version folder under a temp name, then renames it into place; an existing number is never overwritten.</summary>
    public void WriteVersion(LibraryVersion metadata, IReadOnlyDictionary<string, string> files, Action<string> fault)
    {
        Directory.CreateDirectory(VersionsDirectory);
        var temp = Path.Combine(VersionsDirectory, $".tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        foreach (var (name, text) in files)
        {
            AtomicFile.WriteFlushed(Path.Combine(temp, name), text, FileMode.CreateNew);
        }

        AtomicFile.WriteFlushed(Path.Combine(temp, NameRules.VersionFile), JsonSerializer.Serialize(metadata, LibraryJson.Indented), FileMode.CreateNew);
        fault("version-folder-written");
        Directory.Move(temp, VersionDirectory(metadata.Version));
        fault("version-renamed");
    }

    /// <summary>The channel state as last committed: a write still in progress (or crashed) is not visible.</summary>
    public ChannelState? ReadChannels()
    {
        // Read before the journal: channels.json written after this read belongs to a later write.
        var written = ReadChannelsFile();
        return ReadPending() is { } pending ? pending.OldChannels : written;
    }

    /// <summary>channels.json as it is on disk, for the writer holding the lock.</summary>
    public ChannelState? ReadChannelsFile() =>
        File.Exists(ChannelsPath) ? JsonSerializer.Deserialize<ChannelState>(File.ReadAllText(ChannelsPath), LibraryJson.Indented) : null;

    public void WriteChannels(ChannelState state, Action<string> fault)
    {
        var temp = AtomicFile.WriteTemp(ChannelsPath, JsonSerializer.Serialize(state, LibraryJson.Indented));
        fault("channels-temp-written");
        File.Move(temp, ChannelsPath, overwrite: true);
    }

    /// <summary>The committed ledger: lines of a write still in progress (or crashed) are left out.</summary>
    public IReadOnlyList<LedgerEntry> ReadLedger()
    {
        // Read before the journal: a line appended after this read belongs to a later write.
        var bytes = File.Exists(LedgerPath) ? File.ReadAllBytes(LedgerPath) : [];
        var length = ReadPending() is { } pending ? (int)Math.Min(bytes.Length, pending.LedgerLength) : bytes.Length;
        return ParseLedger(System.Text.Encoding.UTF8.GetString(bytes, 0, length));
    }

    /// <summary>Every complete ledger line on disk, for the writer holding the lock.</summary>
    public IReadOnlyList<LedgerEntry> ReadLedgerFile() => ParseLedger(File.Exists(LedgerPath) ? File.ReadAllText(LedgerPath) : string.Empty);

    // A line without its newline is an append still being written (or cut short by a crash the next writer undoes).
    private static LedgerEntry[] ParseLedger(string text) =>
        text.Split('\n')[..^1].Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LedgerEntry>(l, LibraryJson.Line)!).ToArray();

    public long LedgerLength => File.Exists(LedgerPath) ? new FileInfo(LedgerPath).Length : 0;

    public void AppendLedger(LedgerEntry entry) => AtomicFile.AppendLine(LedgerPath, JsonSerializer.Serialize(entry, LibraryJson.Line));

    public PendingDeploy? ReadPending()
    {
        try
        {
            return JsonSerializer.Deserialize<PendingDeploy>(File.ReadAllText(PendingPath), LibraryJson.Indented);
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes the journal; until it is deleted, everything the writer changes is undone by recovery.</summary>
    public void BeginJournal(PendingDeploy journal)
    {
        AtomicFile.Write(PendingPath, JsonSerializer.Serialize(journal, LibraryJson.Indented));
        Journal = journal;
    }

    /// <summary>Adds the live files as they are to the journal, before the writer changes them.</summary>
    public void JournalLiveFiles(IReadOnlyDictionary<string, string> old) =>
        BeginJournal((Journal ?? throw new InvalidOperationException("no write in progress")) with { OldLiveFiles = old });
}
