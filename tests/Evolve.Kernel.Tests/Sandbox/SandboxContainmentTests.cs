using System.Net;
using System.Net.Sockets;
using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// The isolating levels (bwrap, namespaces) must keep code off the network and away from the
/// caller's files. The temp dir is world-readable and world-writable on purpose: permissions
/// alone would let the sandbox uid in, so only isolation can keep it out.
/// </summary>
public sealed class SandboxContainmentTests
{
    [Theory]
    [MemberData(nameof(SandboxLevels.Isolating), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_ConnectToHostListener_Fails(SandboxLevel level)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var code = $"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {port}), timeout=1)
                print("connected")
            except OSError as e:
                print("refused", e)
            """;

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Stderr);
        Assert.StartsWith("refused", result.Stdout, StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Isolating), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_WriteIntoCallerTempDir_FileDoesNotAppear(SandboxLevel level)
    {
        using var temp = new TempDirectory();
        var target = Path.Combine(temp.Path, "escaped.txt");
        var code = $"""
            try:
                open({Literal(target)}, "w").write("out")
                print("written")
            except OSError as e:
                print("blocked", e)
            """;

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Stderr);
        Assert.False(File.Exists(target));
        Assert.StartsWith("blocked", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Isolating), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_ReadCallerSecret_NotReadable(SandboxLevel level)
    {
        using var temp = new TempDirectory();
        var secret = temp.Write("secret.txt", "hunter2-secret");
        var code = $"""
            try:
                print("read", open({Literal(secret)}).read())
            except OSError as e:
                print("blocked", e)
            """;

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Stderr);
        Assert.DoesNotContain("hunter2", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("blocked", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_ProcessLevelSecret_ReadableOnlyWithoutIsolation(SandboxLevel level)
    {
        // Control for the tests above: the same secret is readable where nothing isolates, so a
        // "blocked" there is due to the sandbox and not to the file's permissions.
        using var temp = new TempDirectory();
        var secret = temp.Write("secret.txt", "hunter2-secret");
        var code = $"print(open({Literal(secret)}).read())";

        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(code), TestContext.Current.CancellationToken);

        Assert.Equal(level == SandboxLevel.Process, result.Stdout.Contains("hunter2", StringComparison.Ordinal));
    }

    private static string Literal(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
