using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>
/// Inside its user namespace the isolating levels' setup runs as root with every capability; the
/// code must hold none (so it cannot unmount the root it was given or mount the host's again) and
/// must not reach the setup process that still holds them.
/// </summary>
public sealed class SandboxCapabilityTests
{
    private const string Probe = """
        import os
        caps = {}
        for line in open("/proc/self/status"):
            key, _, value = line.partition(":")
            if key.startswith("Cap") or key == "NoNewPrivs":
                caps[key] = value.strip()
        print(" ".join("%s=%s" % kv for kv in sorted(caps.items())))
        setup = [l.split()[1] for l in open("/proc/1/status") if l.startswith("CapEff:")][0]
        try:
            open("/proc/1/environ", "rb").read()
            print("setup readable", setup)
        except OSError as e:
            print("setup blocked", setup, type(e).__name__)
        """;

    [Theory]
    [MemberData(nameof(SandboxLevels.Isolating), MemberType = typeof(SandboxLevels))]
    public async Task RunAsync_CodeInNamespace_HoldsNoCapabilityAndCannotReadSetup(SandboxLevel level)
    {
        var result = await SandboxLevels.Create(level).RunAsync(SandboxLevels.Python(Probe), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Explanation ?? result.Stderr);
        var lines = result.Stdout.Trim().Split('\n');
        var fields = lines[0].Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        foreach (var set in new[] { "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb" })
        {
            Assert.Equal("0000000000000000", fields[set]);
        }

        Assert.Equal("1", fields["NoNewPrivs"]);
        // pid 1 is the setup shell (all capabilities) at the namespaces level and bwrap's init
        // (none) at the bwrap level: one holding any must be out of the code's reach.
        var setup = lines[1].Split(' ');
        Assert.True(setup[1] == "blocked" || setup[2] == "0000000000000000", lines[1]);
    }
}
