using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

public sealed class SandboxFactoryTests
{
    [Fact]
    public async Task ProbeAsync_ThisMachine_ProcessLevelWorksAndOrderIsStrongestFirst()
    {
        var probes = await SandboxFactory.Shared.ProbeAsync();

        Assert.Equal([SandboxLevel.Bwrap, SandboxLevel.Namespaces, SandboxLevel.Process], probes.Select(p => p.Level));
        Assert.True(probes[2].Available, probes[2].Reason);
        Assert.All(probes, p => Assert.Equal(p.Available, p.Reason is null));
    }

    [Fact]
    public async Task CreateAsync_Auto_PicksStrongestWorkingLevel()
    {
        var sandbox = await SandboxFactory.Shared.CreateAsync(null);

        Assert.Equal(SandboxFactory.Shared.AvailableLevels()[0], sandbox.Level);
    }

    [Theory]
    [MemberData(nameof(SandboxLevels.Available), MemberType = typeof(SandboxLevels))]
    public async Task CreateAsync_NamedWorkingLevel_ReturnsThatLevel(SandboxLevel level)
    {
        var sandbox = await SandboxFactory.Shared.CreateAsync(SandboxLevelNames.Parse(SandboxLevelNames.Name(level).ToUpperInvariant()));

        Assert.Equal(level, sandbox.Level);
    }

    [Fact]
    public void Parse_UnknownName_InputExceptionListsNames()
    {
        var ex = Assert.Throws<InputException>(() => SandboxLevelNames.Parse("docker"));

        Assert.Equal("--sandbox: unknown sandbox level 'docker': use one of auto, bwrap, namespaces, process", ex.Message);
    }

    [Fact]
    public async Task CreateAsync_UnavailableLevel_InputExceptionSaysWhy()
    {
        var factory = FakeProbes(SandboxLevel.Process);

        var ex = await Assert.ThrowsAsync<InputException>(() => factory.CreateAsync(SandboxLevel.Bwrap));

        Assert.Equal("--sandbox: sandbox level 'bwrap' is not available here: bwrap broken", ex.Message);
    }

    [Fact]
    public async Task CreateAsync_AutoWithOnlyProcess_PicksProcess()
    {
        var sandbox = await FakeProbes(SandboxLevel.Process).CreateAsync(null);

        Assert.Equal(SandboxLevel.Process, sandbox.Level);
    }

    [Fact]
    public async Task CreateAsync_AutoWithNothingWorking_InputExceptionListsEveryReason()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => FakeProbes().CreateAsync(null, "agent.yaml"));

        Assert.Equal(
            "agent.yaml: no sandbox level works on this machine: bwrap: bwrap broken; namespaces: namespaces broken; process: process broken",
            ex.Message);
    }

    private static SandboxFactory FakeProbes(params SandboxLevel[] working) =>
        new(null, level => Task.FromResult(working.Contains(level)
            ? new SandboxProbe(level, true, null)
            : new SandboxProbe(level, false, $"{SandboxLevelNames.Name(level)} broken")));
}
