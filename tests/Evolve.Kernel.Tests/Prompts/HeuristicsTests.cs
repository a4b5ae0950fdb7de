using Evolve.Kernel.Prompts;

namespace Evolve.Kernel.Tests.Prompts;

public sealed class HeuristicsTests
{
    private const string Valid = """
        temperature: { type: float, min: 0.0, max: 1.5, value: 0.2, description: sampling temperature }
        max_steps: { type: int, min: 1, max: 20, value: 6 }
        self_test: { type: bool, value: true }
        style: { type: enum, values: [terse, verbose], value: terse }
        """;

    [Fact]
    public void Parse_ValidDocument_ReadsTypedValues()
    {
        var heuristics = Heuristics.Parse(Valid, "heuristics.yaml");

        Assert.Equal(0.2, heuristics.GetNumber("temperature", -1));
        Assert.Equal(6, heuristics.GetNumber("max_steps", -1));
        Assert.True(heuristics.GetFlag("self_test", false));
        Assert.Equal("terse", heuristics.Values["style"]);
    }

    [Fact]
    public void Parse_ValueOutOfRange_NamesKnobAndLine()
    {
        var ex = Assert.Throws<InputException>(() => Heuristics.Parse("a: { type: int, min: 0, max: 1, value: 0 }\ntemperature: { type: float, min: 0, max: 1, value: 3 }", "h.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("h.yaml", 2, "temperature.value"), (error.File, error.Line, error.Field));
        Assert.Contains("outside [0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var ex = Assert.Throws<InputException>(() => Heuristics.Parse(
            "a: { type: decimal, value: 1 }\nb: { type: bool, value: maybe }\nc: { type: enum, values: [x], value: y }", "h.yaml"));

        Assert.Equal(["a.type", "b.value", "c.value"], ex.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Parse_MalformedYaml_GivesLine()
    {
        var ex = Assert.Throws<InputException>(() => Heuristics.Parse("a: { type: int }\nb: c: d\n", "h.yaml"));

        Assert.Equal("h.yaml", ex.Errors[0].File);
        Assert.NotNull(ex.Errors[0].Line);
    }

    [Fact]
    public void ToYaml_RoundTrips()
    {
        var heuristics = Heuristics.Parse(Valid, "heuristics.yaml");

        var again = Heuristics.Parse(heuristics.ToYaml(), "again.yaml");

        Assert.Equal(heuristics.Knobs, again.Knobs, (a, b) => a.Name == b.Name && a.ValueText == b.ValueText && a.Min == b.Min && a.Max == b.Max);
    }
}
