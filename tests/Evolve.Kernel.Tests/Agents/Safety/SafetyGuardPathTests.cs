using Evolve.Kernel.Agents.Safety;

namespace Evolve.Kernel.Tests.Agents.Safety;

public sealed class SafetyGuardPathTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _root;
    private readonly string _outside;
    private readonly SafetyGuard _guard;

    public SafetyGuardPathTests()
    {
        _root = Directory.CreateDirectory(Path.Combine(_temp.Path, "root")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_temp.Path, "outside")).FullName;
        _temp.Write("root/src/main.py", "print(1)");
        _temp.Write("root/secrets/key.txt", "k");
        _temp.Write("outside/passwd", "x");
        _guard = new SafetyGuard(new SafetyGuardOptions
        {
            Root = _root,
            Rules = [new SafetyRule("*", "*", ToolPermission.Allow), new SafetyRule("read_file", "secrets/*", ToolPermission.Deny)],
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("src/main.py")]
    [InlineData("./src/../src/main.py")]
    [InlineData("src/new-file.txt")]
    [InlineData(".")]
    public async Task CheckPathAsync_InsideRoot_IsAllowedWithResolvedPath(string path)
    {
        var decision = await _guard.CheckPathAsync("read_file", path, Ct);

        Assert.True(decision.Allowed, decision.Reason);
        Assert.Equal(Path.GetFullPath(Path.Combine(_root, path)).TrimEnd('/'), decision.ResolvedPath);
    }

    [Fact]
    public async Task CheckPathAsync_AbsolutePathInsideRoot_IsAllowed()
    {
        Assert.True((await _guard.CheckPathAsync("read_file", Path.Combine(_root, "src", "main.py"), Ct)).Allowed);
    }

    [Theory]
    [InlineData("../outside/passwd")]
    [InlineData("src/../../outside/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public async Task CheckPathAsync_LeavesRoot_IsDenied(string path)
    {
        var decision = await _guard.CheckPathAsync("read_file", path, Ct);

        Assert.False(decision.Allowed);
        Assert.Contains("outside the root", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckPathAsync_SiblingWithRootAsPrefix_IsDenied()
    {
        Directory.CreateDirectory(_root + "-evil");

        Assert.False((await _guard.CheckPathAsync("read_file", _root + "-evil/x", Ct)).Allowed);
    }

    [Fact]
    public async Task CheckPathAsync_FileSymlinkPointingOut_IsDenied()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "src", "link.txt"), Path.Combine(_outside, "passwd"));

        var decision = await _guard.CheckPathAsync("read_file", "src/link.txt", Ct);

        Assert.False(decision.Allowed);
        Assert.Contains("follows a symlink to " + Path.Combine(_outside, "passwd"), decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckPathAsync_DirectorySymlinkPointingOut_IsDeniedForFilesBeneathIt()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "escape"), "../outside");

        Assert.False((await _guard.CheckPathAsync("write_file", "escape/passwd", Ct)).Allowed);
        Assert.False((await _guard.CheckPathAsync("write_file", "escape/new.txt", Ct)).Allowed);
    }

    [Fact]
    public async Task CheckPathAsync_DanglingSymlinkPointingOut_IsDenied()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), Path.Combine(_outside, "not-yet"));

        Assert.False((await _guard.CheckPathAsync("write_file", "dangling", Ct)).Allowed);
    }

    [Fact]
    public async Task CheckPathAsync_SymlinkStayingInside_IsAllowedAndResolved()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "code"), "src");

        var decision = await _guard.CheckPathAsync("read_file", "code/main.py", Ct);

        Assert.True(decision.Allowed, decision.Reason);
        Assert.Equal(Path.Combine(_root, "src", "main.py"), decision.ResolvedPath);
    }

    [Fact]
    public async Task CheckPathAsync_SymlinkLoop_IsDenied()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "a"), "b");
        File.CreateSymbolicLink(Path.Combine(_root, "b"), "a");

        var decision = await _guard.CheckPathAsync("read_file", "a", Ct);

        Assert.False(decision.Allowed);
        Assert.Contains("more than 40 symlinks", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckPathAsync_RootReachedThroughSymlink_StillWorks()
    {
        var alias = Path.Combine(_temp.Path, "alias");
        Directory.CreateSymbolicLink(alias, _root);
        var guard = new SafetyGuard(new SafetyGuardOptions { Root = alias, Rules = [new SafetyRule("*", "*", ToolPermission.Allow)] });

        Assert.True((await guard.CheckPathAsync("read_file", "src/main.py", Ct)).Allowed);
        Assert.False((await guard.CheckPathAsync("read_file", "../outside/passwd", Ct)).Allowed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("src/\0main.py")]
    public async Task CheckPathAsync_EmptyOrNul_IsDenied(string path)
    {
        Assert.False((await _guard.CheckPathAsync("read_file", path, Ct)).Allowed);
    }

    [Fact]
    public async Task CheckPathAsync_RuleOnRelativePath_Applies()
    {
        var decision = await _guard.CheckPathAsync("read_file", "secrets/key.txt", Ct);

        Assert.False(decision.Allowed);
        Assert.Equal("Denied by rule 2 (deny read_file \"secrets/*\") for \"secrets/key.txt\".", decision.Reason);
        Assert.True((await _guard.CheckPathAsync("list_files", "secrets/key.txt", Ct)).Allowed);
    }
}
