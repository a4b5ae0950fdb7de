using Evolve.Kernel.Agents.Memory;

namespace Evolve.Kernel.Tests.Agents.Memory;

public sealed class AgentMemoryTests
{
    [Fact]
    public void Constructor_MissingFolder_IsCreatedOnlyByTheFirstWrite()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "scopes", "abc", "memory");
        var memory = new AgentMemory(folder);

        var empty = memory.Snapshot();
        var existedBeforeWrite = Directory.Exists(folder);
        memory.Add(MemoryTarget.User, "prefers metric units");

        Assert.Equal(new MemorySnapshot("", ""), empty);
        Assert.False(existedBeforeWrite);
        Assert.Equal(["prefers metric units"], memory.Entries(MemoryTarget.User));
    }

    [Fact]
    public void Add_NewEntry_WritesBulletToFile()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);

        var result = memory.Add(MemoryTarget.Memory, "The build uses .NET 10.");

        Assert.True(result.Success, result.Message);
        Assert.Equal("- The build uses .NET 10.\n", File.ReadAllText(Path.Combine(temp.Path, "MEMORY.md")));
        Assert.False(File.Exists(Path.Combine(temp.Path, "USER.md")));
    }

    [Fact]
    public void Add_MultiLineText_IsStoredAsOneEntry()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);

        memory.Add(MemoryTarget.User, "Prefers\n\n   short   answers");

        Assert.Equal(["Prefers short answers"], memory.Entries(MemoryTarget.User));
    }

    [Fact]
    public void Add_PastCap_ArchivesOldestEntriesAndSaysSo()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path, new MemoryOptions { MemoryCharLimit = 100 });
        memory.Add(MemoryTarget.Memory, "first entry " + new string('a', 30));
        memory.Add(MemoryTarget.Memory, "second entry " + new string('b', 30));

        var result = memory.Add(MemoryTarget.Memory, "third entry " + new string('c', 30));

        Assert.True(result.Success);
        Assert.Equal(["first entry " + new string('a', 30)], result.Archived);
        Assert.Contains("moved to MEMORY.archive.md", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, memory.Entries(MemoryTarget.Memory).Count);
        Assert.True(File.ReadAllText(Path.Combine(temp.Path, "MEMORY.md")).Length <= 100);
        Assert.Equal("- first entry " + new string('a', 30) + "\n", File.ReadAllText(Path.Combine(temp.Path, "MEMORY.archive.md")));
    }

    [Fact]
    public void Add_DefaultUserCap_NeverExceeds1375Chars()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);

        for (var i = 0; i < 60; i++)
        {
            Assert.True(memory.Add(MemoryTarget.User, $"fact number {i} about the user, padded to some length").Success);
        }

        var size = File.ReadAllText(Path.Combine(temp.Path, "USER.md")).Length;
        Assert.InRange(size, 1300, 1375);
        Assert.Contains("fact number 59 ", File.ReadAllText(Path.Combine(temp.Path, "USER.md")), StringComparison.Ordinal);
        Assert.Contains("fact number 0 ", File.ReadAllText(Path.Combine(temp.Path, "USER.archive.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Add_EntryLargerThanCap_IsErrorAndChangesNothing()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path, new MemoryOptions { MemoryCharLimit = 80 });
        memory.Add(MemoryTarget.Memory, "keep me");

        var result = memory.Add(MemoryTarget.Memory, new string('x', 200));

        Assert.False(result.Success);
        Assert.Contains("larger than the whole cap", result.Message, StringComparison.Ordinal);
        Assert.Equal(["keep me"], memory.Entries(MemoryTarget.Memory));
    }

    [Fact]
    public void Replace_UniqueSubstring_ReplacesThatEntry()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);
        memory.Add(MemoryTarget.Memory, "Tests run with xunit");
        memory.Add(MemoryTarget.Memory, "Python is 3.12");

        var result = memory.Replace(MemoryTarget.Memory, "3.12", "Python is 3.13");

        Assert.True(result.Success, result.Message);
        Assert.Equal(["Tests run with xunit", "Python is 3.13"], memory.Entries(MemoryTarget.Memory));
    }

    [Fact]
    public void Replace_SubstringInSeveralEntries_IsErrorNamingThem()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);
        memory.Add(MemoryTarget.Memory, "Python is 3.12");
        memory.Add(MemoryTarget.Memory, "Python tests use pytest");

        var result = memory.Replace(MemoryTarget.Memory, "Python", "gone");

        Assert.False(result.Success);
        Assert.Contains("2 entries", result.Message, StringComparison.Ordinal);
        Assert.Contains("\"Python tests use pytest\"", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, memory.Entries(MemoryTarget.Memory).Count);
    }

    [Fact]
    public void Remove_NoMatch_IsErrorNotException()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);
        memory.Add(MemoryTarget.User, "Name is Ada");

        var result = memory.Remove(MemoryTarget.User, "Grace");

        Assert.False(result.Success);
        Assert.Contains("No entry of USER.md contains \"Grace\"", result.Message, StringComparison.Ordinal);
        Assert.Single(memory.Entries(MemoryTarget.User));
    }

    [Fact]
    public void Remove_UniqueSubstring_RemovesEntry()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);
        memory.Add(MemoryTarget.User, "Name is Ada");
        memory.Add(MemoryTarget.User, "Works in London");

        Assert.True(memory.Remove(MemoryTarget.User, "Ada").Success);

        Assert.Equal(["Works in London"], memory.Entries(MemoryTarget.User));
    }

    [Fact]
    public void Snapshot_LaterEdits_DoNotChangeIt()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);
        memory.Add(MemoryTarget.Memory, "one");
        memory.Add(MemoryTarget.User, "user fact");

        var snapshot = memory.Snapshot();
        memory.Add(MemoryTarget.Memory, "two");
        memory.Remove(MemoryTarget.User, "user fact");

        Assert.Equal("- one\n", snapshot.Memory);
        Assert.Equal("- user fact\n", snapshot.User);
        Assert.Equal("- one\n- two\n", memory.Snapshot().Memory);
        Assert.Equal("", memory.Snapshot().User);
    }

    [Fact]
    public void Add_Writes_LeaveNoTempFiles()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path, new MemoryOptions { MemoryCharLimit = 70 });

        for (var i = 0; i < 10; i++)
        {
            memory.Add(MemoryTarget.Memory, $"entry {i} with some words");
        }

        Assert.Equal(["MEMORY.archive.md", "MEMORY.md"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Add_ConcurrentInstancesOnOneFolder_LoseNoEntries()
    {
        using var temp = new TempDirectory();
        var memories = Enumerable.Range(0, 4).Select(_ => new AgentMemory(temp.Path, new MemoryOptions { MemoryCharLimit = 10_000 })).ToList();

        await Task.WhenAll(memories.Select((memory, w) => Task.Run(
            () =>
            {
                for (var i = 0; i < 15; i++)
                {
                    Assert.True(memory.Add(MemoryTarget.Memory, $"writer {w} fact {i}").Success);
                }
            },
            TestContext.Current.CancellationToken)));

        Assert.Equal(60, new AgentMemory(temp.Path).Entries(MemoryTarget.Memory).Distinct().Count());
    }

    [Fact]
    public void Constructor_InvalidCaps_ListsEveryProblem()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => { _ = new AgentMemory(temp.Path, new MemoryOptions { MemoryCharLimit = 0, UserCharLimit = -5 }); });

        Assert.Equal("Invalid memory options: MemoryCharLimit must be at least 64 (was 0). UserCharLimit must be at least 64 (was -5).", error.Message);
    }
}
