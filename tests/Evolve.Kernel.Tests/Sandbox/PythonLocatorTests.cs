using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

public sealed class PythonLocatorTests
{
    [Fact]
    public void Find_NoInterpreterAnywhere_ReturnsNullAndHintSaysHowToInstall()
    {
        using var empty = new TempDirectory();

        var found = PythonLocator.Find(empty.Path, Path.Combine(empty.Path, "python3"));

        Assert.Null(found);
        Assert.Contains("apt-get install -y python3", PythonLocator.InstallHint, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_InterpreterOnlyOnPath_ReturnsIt()
    {
        using var dir = new TempDirectory();
        var python = dir.Write("python3", "#!/bin/sh\n");

        var found = PythonLocator.Find("/nonexistent:" + dir.Path, "/nonexistent/python3");

        Assert.Equal(python, found);
    }

    [Fact]
    public void Executable_ThisMachine_PrefersDebianPython()
    {
        Assert.Equal("/usr/bin/python3", PythonLocator.Executable);
        Assert.StartsWith("/usr/bin:", PythonLocator.SandboxPath(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_CommandMissingInSandbox_StartFailedNamesIt(SandboxLevel level)
    {
        var result = await SandboxLevels.Create(level).RunAsync(
            new SandboxRequest(["no-such-tool-xyz", "--version"], Limits: SandboxLevels.Short),
            TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.StartFailed, result.Outcome);
        Assert.Equal("no-such-tool-xyz was not found inside the sandbox", result.Explanation);
    }
}
