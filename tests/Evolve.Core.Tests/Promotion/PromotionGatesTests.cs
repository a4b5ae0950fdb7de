using Evolve.Core.Gepa.Reflection;
using Evolve.Core.Promotion;
using Evolve.Core.Tests.Gepa.Reflection;

namespace Evolve.Core.Tests.Promotion;

public sealed class PromotionGatesTests
{
    private static Dictionary<string, string> With(string component, string text)
    {
        var files = ReflectionFixtures.Seed();
        files[component] = text;
        return files;
    }

    [Fact]
    public void Artifacts_ReasonableEdit_Passes()
    {
        var gate = PromotionGates.Artifacts(ReflectionFixtures.Profile, ReflectionFixtures.Seed(), With("system.sbn", ReflectionFixtures.System + "\n- Check the empty case."), []);

        Assert.True(gate.Passed, gate.Detail);
        Assert.Equal("artifacts", gate.Name);
    }

    [Fact]
    public void Artifacts_KnobOutOfRange_FailsNamingTheHeuristics()
    {
        var yaml = ReflectionFixtures.HeuristicsYaml.Replace("value: 0.2", "value: 2.5", StringComparison.Ordinal);

        var gate = PromotionGates.Artifacts(ReflectionFixtures.Profile, ReflectionFixtures.Seed(), With("heuristics.yaml", yaml), []);

        Assert.False(gate.Passed);
        Assert.StartsWith("heuristics.yaml:", gate.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Artifacts_HugeButValidText_IsLeftToTheSizeGate()
    {
        var huge = ReflectionFixtures.System + new string('x', 40_000);

        var artifacts = PromotionGates.Artifacts(ReflectionFixtures.Profile, ReflectionFixtures.Seed(), With("system.sbn", huge), []);
        var size = PromotionGates.Size(ReflectionFixtures.Seed(), With("system.sbn", huge), new GuardOptions());

        Assert.True(artifacts.Passed, artifacts.Detail);
        Assert.False(size.Passed);
        Assert.Contains("system.sbn: 40", size.Detail, StringComparison.Ordinal);
        Assert.Contains("over the cap of 15000", size.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Size_GrowthAllowance_IsMeasuredAgainstTheLiveText(int added, bool passes)
    {
        var live = ReflectionFixtures.Seed();
        var limits = new GuardOptions { MaxGrowthFraction = 0, MinGrowthChars = 100 };

        var gate = PromotionGates.Size(live, With("system.sbn", live["system.sbn"] + new string('y', added)), limits);

        Assert.Equal(passes, gate.Passed);
    }
}
