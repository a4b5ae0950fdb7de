using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// The isolating levels show the code a minimal root of their own, not the host's: no account
/// list, no caller's project, no marker the test leaves in its own temp folder. Hiding a list of
/// likely places is not enough (the namespaces level once left /etc, /opt and /var readable).
/// </summary>
public sealed class SandboxHostFilesTests
{
    // What a root holding only what python needs may contain (the merged-/usr links, /etc with the
    // loader cache, a fresh /proc and /dev, the scratch tmpfs mounts).
    private static readonly string[] MinimalRoot =
        ["usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "etc", "proc", "dev", "tmp", "work"];

    [Theory]
    [MemberData(nameof(SandboxLevels.Isolating), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_ReadHostFiles_NothingVisible(SandboxLevel level)
    {
        using var temp = new TempDirectory();
        var marker = temp.Write("marker.txt", "host-marker-7f3a");
        var project = Path.Combine(AppContext.BaseDirectory, "Evolve.Kernel.Tests.dll");
        var code = $$"""
            import os
            for path in [{{Literal(marker)}}, "/etc/passwd", {{Literal(project)}}, {{Literal(temp.Path)}}]:
                try:
                    if os.path.isdir(path):
                        print("listed", path, os.listdir(path))
                    else:
                        print("read", path, open(path, "rb").read(40))
                except OSError as e:
                    print("blocked", path, type(e).__name__)
            """;

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Explanation ?? result.Stderr);
        var lines = result.Stdout.Trim().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("blocked ", line, StringComparison.Ordinal));
        Assert.DoesNotContain("host-marker", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Isolating), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_ListRootAndEtc_OnlyWhatPythonNeeds(SandboxLevel level)
    {
        var code = "import os\nprint(' '.join(sorted(os.listdir('/'))))\nprint(' '.join(sorted(os.listdir('/etc'))))";

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Explanation ?? result.Stderr);
        var lines = result.Stdout.Trim().Split('\n');
        var allowedRoot = MinimalRoot.Concat(PythonPrefixTop()).ToHashSet(StringComparer.Ordinal);
        Assert.All(lines[0].Split(' '), entry => Assert.Contains(entry, allowedRoot));
        Assert.All(lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), entry => Assert.Contains(entry, new[] { "ld.so.cache", "alternatives", "localtime" }));
    }

    [Fact]
    public async Task RunAsync_ProcessLevelEtcPasswd_ReadableWithoutIsolation()
    {
        // Control: the account list is readable where nothing isolates, so "blocked" above is the sandbox's doing.
        var result = await SandboxLevels.Create(SandboxLevel.Process).RunAsync(
            SandboxLevels.Python("print(open('/etc/passwd').read())"), TestContext.Current.CancellationToken);

        Assert.Contains("root:", result.Stdout, StringComparison.Ordinal);
    }

    // An interpreter outside /usr is bound in at its own prefix, whose top directory then shows in the root.
    private static IEnumerable<string> PythonPrefixTop() =>
        PythonLocator.ExtraPrefix is { } prefix ? [prefix.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]] : [];

    private static string Literal(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
