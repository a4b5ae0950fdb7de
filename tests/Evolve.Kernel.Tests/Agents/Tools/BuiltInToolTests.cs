using Evolve.Kernel.Agents.Memory;
using Evolve.Kernel.Agents.Sessions;
using Evolve.Kernel.Agents.Skills;
using Evolve.Kernel.Agents.Tools;
using Evolve.Kernel.Sandbox;
using TempDirectory = Evolve.Kernel.Tests.Providers.TempDirectory;

namespace Evolve.Kernel.Tests.Agents.Tools;

public sealed class BuiltInToolTests
{
    private static ToolRegistry Registry(ToolServices services) => new(services);

    [Fact]
    public async Task ReadSkill_IndexedName_ReturnsBody()
    {
        var skills = SkillCatalog.From([new Skill("debug", "Debug.", "Read the traceback first.")]);
        var tool = Registry(new ToolServices { Skills = skills }).Resolve(["read_skill"], "a")[0];

        Assert.Equal("Read the traceback first.", await ToolInvoke.TextAsync(tool, ("name", "debug")));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("missing")]
    public async Task ReadSkill_NameNotInIndex_Refused(string name)
    {
        var skills = SkillCatalog.From([new Skill("debug", "Debug.", "secret body")]);
        var tool = Registry(new ToolServices { Skills = skills }).Resolve(["read_skill"], "a")[0];

        var text = await ToolInvoke.TextAsync(tool, ("name", name));

        Assert.StartsWith("error: no skill named", text, StringComparison.Ordinal);
        Assert.Contains("known: debug", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_AddReplaceRemove_EditsTheFile()
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);
        var tool = Registry(new ToolServices { Memory = memory }).Resolve(["memory"], "a")[0];

        Assert.StartsWith("ok", await ToolInvoke.TextAsync(tool, ("action", "add"), ("text", "uses pytest")), StringComparison.Ordinal);
        Assert.StartsWith("ok", await ToolInvoke.TextAsync(tool, ("action", "replace"), ("old", "pytest"), ("text", "uses unittest")), StringComparison.Ordinal);
        Assert.Equal(["uses unittest"], memory.Entries(MemoryTarget.Memory));
        Assert.StartsWith("ok", await ToolInvoke.TextAsync(tool, ("action", "add"), ("target", "user"), ("text", "likes brevity")), StringComparison.Ordinal);
        Assert.StartsWith("ok", await ToolInvoke.TextAsync(tool, ("action", "remove"), ("old", "unittest")), StringComparison.Ordinal);

        Assert.Empty(memory.Entries(MemoryTarget.Memory));
        Assert.Equal(["likes brevity"], memory.Entries(MemoryTarget.User));
    }

    [Theory]
    [InlineData("delete", "memory")]
    [InlineData("add", "secrets")]
    public async Task Memory_BadActionOrTarget_ReturnsErrorAndChangesNothing(string action, string target)
    {
        using var temp = new TempDirectory();
        var memory = new AgentMemory(temp.Path);
        var tool = Registry(new ToolServices { Memory = memory }).Resolve(["memory"], "a")[0];

        var text = await ToolInvoke.TextAsync(tool, ("action", action), ("target", target), ("text", "x"));

        Assert.StartsWith("error", text, StringComparison.Ordinal);
        Assert.Empty(memory.Entries(MemoryTarget.Memory));
    }

    [Fact]
    public async Task SearchSessions_FindsStoredMessage()
    {
        Assert.True(SessionStore.Fts5Available(), "SQLite here lacks FTS5");
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.File("sessions.db"));
        var ct = TestContext.Current.CancellationToken;
        await store.StartSessionAsync("s1", "coding", null, [], "hash", ct);
        await store.AppendMessageAsync("s1", "user", "how do I reverse a linked list", cancellationToken: ct);
        await store.StartSessionAsync("s2", "coding", null, [], "hash", ct);
        await store.AppendMessageAsync("s2", "user", "parse a date string", cancellationToken: ct);
        var tool = Registry(new ToolServices { Sessions = store }).Resolve(["search_sessions"], "a")[0];

        var hit = await ToolInvoke.TextAsync(tool, ("query", "linked list"));
        var miss = await ToolInvoke.TextAsync(tool, ("query", "kubernetes"));

        Assert.StartsWith("s1: ", hit, StringComparison.Ordinal);
        Assert.DoesNotContain("s2", hit, StringComparison.Ordinal);
        Assert.Equal("no matching sessions", miss);
    }

    [Fact]
    public async Task SearchSessions_WithScope_FindsOnlyThatScopesSessions()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.File("sessions.db"));
        var ct = TestContext.Current.CancellationToken;
        await store.StartSessionAsync("mine", "qa", null, [], "hash", "user:alice", ct);
        await store.AppendMessageAsync("mine", "user", "my linked list", cancellationToken: ct);
        await store.StartSessionAsync("theirs", "qa", null, [], "hash", "user:bob", ct);
        await store.AppendMessageAsync("theirs", "user", "their linked list", cancellationToken: ct);
        var tool = Registry(new ToolServices { Sessions = store, SessionScope = "user:alice" }).Resolve(["search_sessions"], "a")[0];

        var hit = await ToolInvoke.TextAsync(tool, ("query", "linked list"));

        Assert.StartsWith("mine: ", hit, StringComparison.Ordinal);
        Assert.DoesNotContain("theirs", hit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPython_FakeSandbox_SendsCodeAndTruncatesOutput()
    {
        var sandbox = new FakeSandbox(new string('o', 5000));
        var tool = Registry(new ToolServices { Sandbox = _ => Task.FromResult<ISandbox>(sandbox), MaxResultChars = 500 }).Resolve(["run_python"], "a")[0];

        var text = await ToolInvoke.TextAsync(tool, ("code", "print('o' * 5000)"));

        Assert.Equal("print('o' * 5000)", Assert.Single(sandbox.Requests).Files!["main.py"]);
        Assert.True(text.Length <= 500, $"{text.Length} chars");
        Assert.Contains("[truncated:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPython_RealSandbox_ReturnsStdout()
    {
        var tool = Registry(new ToolServices { Sandbox = ToolServices.DefaultSandbox }).Resolve(["run_python"], "a")[0];

        var text = await ToolInvoke.TextAsync(tool, ("code", "print(sum(range(10)))\nimport sys; print('oops', file=sys.stderr)"));

        Assert.Contains("exit code 0", text, StringComparison.Ordinal);
        Assert.Contains("stdout:\n45\n", text, StringComparison.Ordinal);
        Assert.Contains("oops", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPython_RealSandboxWithTests_ReportsPassAndFail()
    {
        var tool = Registry(new ToolServices { Sandbox = ToolServices.DefaultSandbox }).Resolve(["run_python"], "a")[0];
        const string Code = "def add(a, b):\n    return a - b\n";
        const string Tests = "def test_zero():\n    assert add(0, 0) == 0\n\ndef test_two():\n    assert add(1, 1) == 2\n";

        var text = await ToolInvoke.TextAsync(tool, ("code", Code), ("tests", Tests));

        Assert.StartsWith("1/2 tests passed", text, StringComparison.Ordinal);
        Assert.Contains("FAIL test_two", text, StringComparison.Ordinal);
        Assert.Contains("PASS test_zero", text, StringComparison.Ordinal);
    }
}
