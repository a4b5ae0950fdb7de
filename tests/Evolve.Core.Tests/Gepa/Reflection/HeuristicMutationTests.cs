using System.Globalization;
using Evolve.Core.Gepa.Reflection;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Tests.Gepa.Reflection;

public sealed class HeuristicMutationTests
{
    private static readonly Heuristics Seed = Heuristics.Parse(ReflectionFixtures.HeuristicsYaml, "heuristics.yaml");

    [Fact]
    public void Mutate_ThousandSeededDraws_ChangeExactlyOneKnobWithinItsRange()
    {
        var rng = new Random(1234);
        var moved = new HashSet<string>();
        for (var i = 0; i < 1_000; i++)
        {
            var (yaml, description) = HeuristicMutation.Mutate(Seed, rng)!.Value;
            var mutated = Heuristics.Parse(yaml, "mutated.yaml");
            var changed = Seed.Knobs.Zip(mutated.Knobs).Where(p => !Equals(p.First.Value, p.Second.Value)).ToList();

            var (before, after) = Assert.Single(changed);
            Assert.Equal((before.Type, before.Min, before.Max, before.Description), (after.Type, after.Min, after.Max, after.Description));
            Assert.Equal(before.Values, after.Values);
            Assert.Equal($"{before.Name} {before.ValueText} -> {after.ValueText}", description);
            if (after.Type is HeuristicType.Float or HeuristicType.Int)
            {
                var value = Convert.ToDouble(after.Value, CultureInfo.InvariantCulture);
                Assert.InRange(value, after.Min!.Value, after.Max!.Value);
            }

            if (after.Type == HeuristicType.Enum)
            {
                Assert.Contains((string)after.Value, after.Values);
            }

            moved.Add(before.Name);
        }

        Assert.Equal(["max_steps", "plan_first", "style", "temperature"], moved.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mutate_HandFormattedText_ChangesOnlyTheMovedKnobsValue()
    {
        const string text = "temperature: { type: float, min: 0.0, max: 1.5, value: 0.2, description: sampling temperature }\n"
            + "max_steps:   { type: int, min: 1, max: 20, value: 6 }   # aligned by hand\n"
            + "plan_first:  { type: bool, value: false }\n"
            + "\n"
            + "style:\n  type: enum\n  values: [terse, verbose, socratic]\n  value: \"terse\"\n";
        var seed = Heuristics.Parse(text, "heuristics.yaml");
        var rng = new Random(99);
        var before = text.Split('\n');
        for (var i = 0; i < 200; i++)
        {
            var (yaml, description) = HeuristicMutation.Mutate(text, seed, rng)!.Value;

            var after = yaml.Split('\n');
            Assert.Equal(before.Length, after.Length);
            var line = Assert.Single(Enumerable.Range(0, before.Length), n => before[n] != after[n]);
            var knob = seed.Knobs.Single(k => description.StartsWith(k.Name + " ", StringComparison.Ordinal));
            var moved = Heuristics.Parse(yaml, "mutated.yaml").Knobs.Single(k => k.Name == knob.Name);
            var old = knob.Name == "style" ? "\"terse\"" : knob.ValueText;
            Assert.Equal(before[line].Replace("value: " + old, "value: " + moved.ValueText, StringComparison.Ordinal), after[line]);
        }
    }

    [Fact]
    public void Mutate_SameSeed_SameMutations()
    {
        var first = Draws(new Random(7));
        var second = Draws(new Random(7));
        var other = Draws(new Random(8));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Mutate_FloatSteps_AreAboutTwentyPercentOfTheRange()
    {
        var onlyFloat = Heuristics.Parse("t: { type: float, min: 0, max: 1, value: 0.5 }", "h.yaml");
        var rng = new Random(99);
        var steps = Enumerable.Range(0, 1_000)
            .Select(_ => Heuristics.Parse(HeuristicMutation.Mutate(onlyFloat, rng)!.Value.Yaml, "h.yaml").GetNumber("t", double.NaN) - 0.5)
            .ToList();

        var spread = Math.Sqrt(steps.Average(s => s * s));
        Assert.InRange(spread, 0.15, 0.25);
        Assert.All(steps, s => Assert.NotEqual(0, s));
    }

    [Fact]
    public void Mutate_IntAtItsBound_MovesInward()
    {
        var atMax = Heuristics.Parse("n: { type: int, min: 1, max: 3, value: 3 }", "h.yaml");
        var rng = new Random(3);

        for (var i = 0; i < 100; i++)
        {
            var value = Heuristics.Parse(HeuristicMutation.Mutate(atMax, rng)!.Value.Yaml, "h.yaml").GetNumber("n", double.NaN);
            Assert.Contains(value, new[] { 1.0, 2.0 });
        }
    }

    [Fact]
    public void Mutate_NoKnobs_IsNull()
    {
        Assert.Null(HeuristicMutation.Mutate(Heuristics.Empty, new Random(1)));
        Assert.Null(HeuristicMutation.Mutate(Heuristics.Parse("k: { type: enum, values: [only], value: only }", "h.yaml"), new Random(1)));
    }

    [Fact]
    public void Mutate_Description_ReadsAsOldToNew()
    {
        var onlyBool = Heuristics.Parse("self_test: { type: bool, value: false, description: run tests }", "h.yaml");

        var (yaml, description) = HeuristicMutation.Mutate(onlyBool, new Random(1))!.Value;

        Assert.Equal("self_test false -> true", description);
        Assert.Equal("self_test: { type: bool, value: true, description: \"run tests\" }\n", yaml);
    }

    private static List<string> Draws(Random rng) =>
        Enumerable.Range(0, 50).Select(_ => HeuristicMutation.Mutate(Seed, rng)!.Value.Description).ToList();
}
