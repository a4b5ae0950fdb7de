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
    }

    public string Agent { get; }

    public string AgentDirectory { get; }

    public string HistoryDirectory { get; }

    public string VersionsDirectory { get; }

    public string ChannelsPath { get; }

    public string LedgerPath { get; }

    public string PendingPath { get; }

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

    public string VersionDirectory(int version) => Path.Combine(VersionsDirectory, version.ToString());

    public LibraryVersion ReadMetadata(int version)
    {
        var path = Path.Combine(VersionDirectory(version), NameRules.VersionFile);
        if (!File.Exists(path))
        {
            throw new InputException(HistoryDirectory, null, "version", $"agent '{Agent}' has no version {version} (versions: {string.Join(", ", VersionNumbers())})");
        }

        return JsonSerializer.Deserialize<LibraryVersion>(File.ReadAllText(path), LibraryJson.Indented)
            ?? throw new InvalidOperationException($"{path} is empty");
    }

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
    }

    /// <summary>The channel state as last committed: a move still in progress (or crashed) is not visible.</summary>
    public ChannelState? ReadChannels()
    {
        var written = File.Exists(ChannelsPath) ? JsonSerializer.Deserialize<ChannelState>(File.ReadAllText(ChannelsPath), LibraryJson.Indented) : null;
        return ReadPending()?.OldChannels ?? written;
    }

    public void WriteChannels(ChannelState state) => AtomicFile.Write(ChannelsPath, JsonSerializer.Serialize(state, LibraryJson.Indented));

    public IReadOnlyList<LedgerEntry> ReadLedger()
    {
        // Lines before the journal: a line appended after this read of the journal belongs to a later move.
        var text = File.Exists(LedgerPath) ? File.ReadAllText(LedgerPath) : string.Empty;
        var pending = ReadPending();

        // A line without its newline is an append still being written (or cut short by a crash the next writer undoes).
        var lines = text.Split('\n')[..^1];
        var entries = lines.Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<LedgerEntry>(l, LibraryJson.Line)!);
        return pending is null ? entries.ToArray() : entries.Where(e => e.Seq < pending.Entry.Seq).ToArray();
    }

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

    public void WritePending(PendingDeploy pending) => AtomicFile.Write(PendingPath, JsonSerializer.Serialize(pending, LibraryJson.Indented));
}
