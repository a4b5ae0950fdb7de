using System.Collections.Concurrent;

namespace Evolve.Kernel.Agents.Memory;

/// <summary>
/// An agent's MEMORY.md and USER.md in one folder, with hard size caps, edited only through
/// <see cref="Add"/>, <see cref="Replace"/> and <see cref="Remove"/> (the memory tool calls these).
/// Entries are single-line bullets addressed by a substring that must match exactly one entry.
/// When an add passes the cap, the oldest entries move to <c>MEMORY.archive.md</c> (or
/// <c>USER.archive.md</c>) until it fits. Every write is atomic (temp file and rename).
/// </summary>
public sealed class AgentMemory
{
    // Concurrent sessions of one agent each open their own AgentMemory on the same folder; one
    // gate per folder keeps their read-modify-write edits from losing each other's entries.
    private static readonly ConcurrentDictionary<string, Lock> Gates = new(StringComparer.Ordinal);

    private readonly MemoryOptions _options;
    private readonly Lock _gate;

    /// <summary>Uses <paramref name="folder"/> for the memory files, creating it at the first write (reading a missing one gives no entries).</summary>
    /// <param name="folder">The agent's memory folder.</param>
    /// <param name="options">Caps; defaults 2,200 (MEMORY.md) and 1,375 (USER.md) characters.</param>
    public AgentMemory(string folder, MemoryOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _options = options ?? new MemoryOptions();
        _options.Validate();
        Folder = Path.GetFullPath(folder);
        _gate = Gates.GetOrAdd(Folder, _ => new Lock());
    }

    /// <summary>The full path of the memory folder.</summary>
    public string Folder { get; }

    /// <summary>The full path of the file behind <paramref name="target"/>.</summary>
    public string PathOf(MemoryTarget target) => Path.Combine(Folder, MemoryDefaults.FileName(target));

    /// <summary>The current entries of <paramref name="target"/>, oldest first.</summary>
    public IReadOnlyList<string> Entries(MemoryTarget target)
    {
        lock (_gate)
        {
            return MemoryEntries.Read(PathOf(target));
        }
    }

    /// <summary>Reads both files now, for the prompt of a session that is starting.</summary>
    public MemorySnapshot Snapshot()
    {
        lock (_gate)
        {
            return new MemorySnapshot(
                MemoryEntries.Format(MemoryEntries.Read(PathOf(MemoryTarget.Memory))),
                MemoryEntries.Format(MemoryEntries.Read(PathOf(MemoryTarget.User))));
        }
    }

    /// <summary>Appends an entry, archiving the oldest entries if the file would pass its cap.</summary>
    public MemoryResult Add(MemoryTarget target, string text)
    {
        var entry = MemoryEntries.Normalize(text ?? "");
        if (Check(target, entry) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            var entries = MemoryEntries.Read(PathOf(target));
            if (entries.Contains(entry, StringComparer.Ordinal))
            {
                return MemoryResult.Ok($"{FileName(target)} already holds this entry; nothing changed.");
            }

            entries.Add(entry);
            var limit = _options.LimitOf(target);
            var size = entries.Sum(MemoryEntries.SizeOf);
            var dropped = 0;
            while (size > limit)
            {
                size -= MemoryEntries.SizeOf(entries[dropped++]);
            }

            var archived = entries.GetRange(0, dropped);
            entries.RemoveRange(0, dropped);

            Directory.CreateDirectory(Folder);
            if (archived.Count > 0)
            {
                var archivePath = Path.Combine(Folder, MemoryDefaults.ArchiveFileName(target));
                var old = File.Exists(archivePath) ? File.ReadAllText(archivePath) : "";
                AtomicFile.Write(archivePath, old + MemoryEntries.Format(archived));
            }

            var written = Write(target, entries);
            return archived.Count == 0
                ? MemoryResult.Ok($"Added to {FileName(target)} ({written}/{limit} chars).")
                : MemoryResult.Ok(
                    $"Added to {FileName(target)} ({written}/{limit} chars); {archived.Count} oldest entr{(archived.Count == 1 ? "y was" : "ies were")} moved to {MemoryDefaults.ArchiveFileName(target)} to stay under the cap.",
                    archived);
        }
    }

    /// <summary>Replaces the one entry containing <paramref name="uniqueSubstring"/> with <paramref name="newText"/>.</summary>
    public MemoryResult Replace(MemoryTarget target, string uniqueSubstring, string newText)
    {
        var entry = MemoryEntries.Normalize(newText ?? "");
        if (Check(target, entry) is { } refused)
        {
            return refused;
        }

        lock (_gate)
        {
            var entries = MemoryEntries.Read(PathOf(target));
            if (FindUnique(target, entries, uniqueSubstring, out var index) is { } error)
            {
                return error;
            }

            entries[index] = entry;
            var limit = _options.LimitOf(target);
            var size = MemoryEntries.Format(entries).Length;
            if (size > limit)
            {
                return MemoryResult.Error($"Replacing would make {FileName(target)} {size} chars, over its cap of {limit}; shorten the text or remove entries first.");
            }

            Write(target, entries);
            return MemoryResult.Ok($"Replaced one entry in {FileName(target)} ({size}/{limit} chars).");
        }
    }

    /// <summary>Removes the one entry containing <paramref name="uniqueSubstring"/>.</summary>
    public MemoryResult Remove(MemoryTarget target, string uniqueSubstring)
    {
        lock (_gate)
        {
            var entries = MemoryEntries.Read(PathOf(target));
            if (FindUnique(target, entries, uniqueSubstring, out var index) is { } error)
            {
                return error;
            }

            var removed = entries[index];
            entries.RemoveAt(index);
            Write(target, entries);
            return MemoryResult.Ok($"Removed from {FileName(target)}: \"{removed}\".");
        }
    }

    private static string FileName(MemoryTarget target) => MemoryDefaults.FileName(target);

    private MemoryResult? Check(MemoryTarget target, string entry)
    {
        if (entry.Length == 0)
        {
            return MemoryResult.Error("The entry is empty; nothing was written.");
        }

        if (InjectionScanner.Scan(entry) is { } why)
        {
            return MemoryResult.Error($"Refused: the entry looks like a prompt injection ({why}). Memory holds facts, not instructions to the model.");
        }

        var limit = _options.LimitOf(target);
        return MemoryEntries.SizeOf(entry) > limit
            ? MemoryResult.Error($"The entry is {entry.Length} chars, larger than the whole cap of {FileName(target)} ({limit}); shorten it.")
            : null;
    }

    private static MemoryResult? FindUnique(MemoryTarget target, List<string> entries, string substring, out int index)
    {
        index = -1;
        if (string.IsNullOrWhiteSpace(substring))
        {
            return MemoryResult.Error("The substring is empty; give text that appears in exactly one entry.");
        }

        var matches = Enumerable.Range(0, entries.Count).Where(i => entries[i].Contains(substring, StringComparison.Ordinal)).ToList();
        switch (matches.Count)
        {
            case 0:
                return MemoryResult.Error($"No entry of {FileName(target)} contains \"{substring}\"; nothing changed.");
            case > 1:
                var quoted = string.Join("; ", matches.Select(i => $"\"{entries[i]}\""));
                return MemoryResult.Error($"{matches.Count} entries of {FileName(target)} contain \"{substring}\" ({quoted}); give a longer substring that matches exactly one. Nothing changed.");
            default:
                index = matches[0];
                return null;
        }
    }

    private int Write(MemoryTarget target, List<string> entries)
    {
        // Created here, not on open: a scope that never writes memory leaves no folder behind.
        Directory.CreateDirectory(Folder);
        var text = MemoryEntries.Format(entries);
        AtomicFile.Write(PathOf(target), text);
        return text.Length;
    }
}
