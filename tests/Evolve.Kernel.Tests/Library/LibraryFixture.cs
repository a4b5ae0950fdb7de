using Evolve.Kernel.Library;

namespace Evolve.Kernel.Tests.Library;

/// <summary>A temp <c>prompts/</c> folder with one agent ("coder": system, task, heuristics) and a library over it.</summary>
internal sealed class LibraryFixture : IDisposable
{
    public const string Agent = "coder";

    private readonly TempDirectory _dir = new();

    public LibraryFixture()
    {
        Directory.CreateDirectory(AgentDirectory);
        File.WriteAllText(Path.Combine(AgentDirectory, "agent.yaml"), "name: coder\nsystem: system.sbn\ntask: task.sbn\nheuristics: heuristics.yaml\n");
        WriteLive(Seed);
        Library = Create();
    }

    public static IReadOnlyDictionary<string, string> Seed { get; } = Files("You are careful.\n", "Solve {{ x }}\n", "self_test: false\n");

    public FakeTimeProvider Time { get; } = new();

    public string PromptsDirectory => Path.Combine(_dir.Path, "prompts");

    public string AgentDirectory => Path.Combine(PromptsDirectory, Agent);

    public string HistoryDirectory => Path.Combine(AgentDirectory, ".history");

    /// <summary>The writer lock file (beside <c>.history</c>, so a failed first write leaves no history).</summary>
    public string LockPath => Path.Combine(AgentDirectory, ".history.lock");

    public PromptLibrary Library { get; }

    public static Dictionary<string, string> Files(string system, string task, string heuristics) => new(StringComparer.Ordinal)
    {
        ["system.sbn"] = system,
        ["task.sbn"] = task,
        ["heuristics.yaml"] = heuristics,
    };

    /// <summary>A variant of the seed whose system prompt says <paramref name="marker"/>.</summary>
    public static Dictionary<string, string> Variant(string marker) => Files($"You are careful. {marker}\n", "Solve {{ x }}\n", "self_test: true\n");

    public PromptLibrary Create(TimeSpan? lockTimeout = null) => new(new PromptLibraryOptions
    {
        PromptsDirectory = PromptsDirectory,
        TimeProvider = Time,
        LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(10),
    });

    public void WriteLive(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(AgentDirectory, name), text);
        }
    }

    public Dictionary<string, string> ReadLive() =>
        Seed.Keys.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(AgentDirectory, f)), StringComparer.Ordinal);

    /// <summary>Everything a reader could observe, to compare before and after a failed operation.</summary>
    public string Observable()
    {
        var live = string.Join("|", ReadLive().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var channels = Library.Channels(Agent);
        var ledger = File.Exists(Path.Combine(HistoryDirectory, "ledger.jsonl")) ? File.ReadAllText(Path.Combine(HistoryDirectory, "ledger.jsonl")) : string.Empty;
        return $"{live}\n{channels}\n{ledger}";
    }

    /// <summary>Temp files and folders of interrupted writes anywhere under the agent's folder.</summary>
    public string[] Leftovers() => Directory.GetFileSystemEntries(AgentDirectory, "*tmp-*", SearchOption.AllDirectories);

    /// <summary>The version folders on disk, committed or not.</summary>
    public int[] VersionFolders()
    {
        var versions = Path.Combine(HistoryDirectory, "versions");
        return Directory.Exists(versions) ? Directory.GetDirectories(versions).Select(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray() : [];
    }

    /// <summary>Holds the writer lock, as a writer still in progress (or a slow one) would.</summary>
    public IDisposable HoldLock() => new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>
    /// Every version folder on disk has a ledger line naming it, the ledger's last move of each
    /// channel is where the channel points, and the live files are the live version's.
    /// </summary>
    public void AssertConsistent()
    {
        var library = Create();
        var ledger = library.Ledger(Agent);
        Assert.All(VersionFolders(), v => Assert.Contains(ledger, e => e.To == v));
        Assert.Equal(VersionFolders(), library.History(Agent).Select(v => v.Version));
        var channels = library.Channels(Agent)!;
        foreach (var channel in new[] { LibraryChannel.Live, LibraryChannel.Canary })
        {
            var last = ledger.LastOrDefault(e => e.Channel == channel && e.Generation is not null);
            Assert.Equal(last?.To, channels.Get(channel).Version);
            Assert.Equal(last?.Generation ?? 0, channels.Get(channel).Generation);
        }

        Assert.Equal(library.Show(Agent, channels.Live.Version!.Value).Files, ReadLive());
        Assert.False(File.Exists(Path.Combine(HistoryDirectory, "pending.json")));
        Assert.Empty(Leftovers());
    }

    public void Dispose() => _dir.Dispose();
}
