using System.Globalization;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// The numeric operator: moves one heuristics knob within its declared range, so knobs such as
/// temperature or max_steps are searched as numbers and not only rewritten as text.
/// </summary>
public static class HeuristicMutation
{
    // A float moves by a normal step whose standard deviation is this fraction of its range.
    private const double FloatStepFraction = 0.2;

    /// <summary>
    /// Picks one knob with <paramref name="rng"/> and changes it: a float by a Gaussian step (standard
    /// deviation 20% of its range, clamped, three decimals); an int by 1 or 2 either way (clamped);
    /// a bool flipped; an enum to another allowed value. The same seed gives the same mutation.
    /// </summary>
    /// <returns>The mutated document as YAML and a description such as <c>"temperature 0.2 -> 0.35"</c>; null when no knob can change.</returns>
    public static (string Yaml, string Description)? Mutate(Heuristics heuristics, Random rng)
    {
        ArgumentNullException.ThrowIfNull(heuristics);
        return Mutate(heuristics.ToYaml(), heuristics, rng);
    }

    /// <summary>Like <see cref="Mutate(Heuristics, Random)"/>, editing <paramref name="text"/> (the file <paramref name="heuristics"/> was parsed from).</summary>
    public static (string Yaml, string Description)? Mutate(string text, Heuristics heuristics, Random rng)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(heuristics);
        ArgumentNullException.ThrowIfNull(rng);
        var movable = heuristics.Knobs.Where(CanMove).ToList();
        if (movable.Count == 0)
        {
            return null;
        }

        var knob = movable[rng.Next(movable.Count)];
        var changed = knob with { Value = Move(knob, rng) };
        var description = $"{knob.Name} {knob.ValueText} -> {changed.ValueText}";
        if (HeuristicsTextEdit.SetValue(text, knob.Name, changed.ValueText) is { } edited
            && Heuristics.Parse(edited, "mutated heuristics").Knobs.Select(k => (k.Name, k.ValueText))
                .SequenceEqual(heuristics.Knobs.Select(k => (k.Name, k.Name == knob.Name ? changed.ValueText : k.ValueText))))
        {
            return (edited, description);
        }

        // Text the in-place edit cannot place (or would misread) is written in canonical form, re-parsed so it is what an agent would load.
        var parsed = Heuristics.Parse(Replace(heuristics.ToYaml(), knob, changed), "mutated heuristics");
        return (parsed.ToYaml(), description);
    }

    private static bool CanMove(HeuristicKnob knob) => knob.Type switch
    {
        HeuristicType.Float => knob.Max - knob.Min >= 0.001,
        HeuristicType.Int => Math.Floor(knob.Max ?? 0) - Math.Ceiling(knob.Min ?? 0) >= 1,
        HeuristicType.Bool => true,
        _ => knob.Values.Distinct(StringComparer.Ordinal).Count() >= 2,
    };

    private static object Move(HeuristicKnob knob, Random rng)
    {
        switch (knob.Type)
        {
            case HeuristicType.Float:
            {
                double min = knob.Min!.Value, max = knob.Max!.Value, value = (double)knob.Value;
                var step = Gaussian(rng) * FloatStepFraction * (max - min);
                var next = Math.Clamp(Math.Round(value + step, 3), min, max);

                // A step lost to clamping or rounding goes the other way, so the knob always moves.
                return next != value ? next : Math.Clamp(Math.Round(value - (Math.Sign(step) * Math.Max(Math.Abs(step), 0.001)), 3), min, max);
            }

            case HeuristicType.Int:
            {
                long min = (long)Math.Ceiling(knob.Min!.Value), max = (long)Math.Floor(knob.Max!.Value), value = (long)knob.Value;
                var step = rng.Next(1, 3) * (rng.Next(2) == 0 ? -1 : 1);
                var next = Math.Clamp(value + step, min, max);
                return next != value ? next : Math.Clamp(value - step, min, max);
            }

            case HeuristicType.Bool:
                return !(bool)knob.Value;

            default:
            {
                var others = knob.Values.Distinct(StringComparer.Ordinal).Where(v => v != (string)knob.Value).ToList();
                return others[rng.Next(others.Count)];
            }
        }
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Rewrites the value of <paramref name="knob"/>'s line in YAML written by <see cref="Heuristics.ToYaml"/>.</summary>
    private static string Replace(string yaml, HeuristicKnob knob, HeuristicKnob changed)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.StartsWith(knob.Name + ": { type: ", StringComparison.Ordinal));
        var line = lines[index];
        var at = line.IndexOf(", value: ", StringComparison.Ordinal) + ", value: ".Length;
        var end = at + knob.ValueText.Length;
        lines[index] = string.Concat(line.AsSpan(0, at), changed.ValueText, line.AsSpan(end));
        return string.Join('\n', lines);
    }
}
