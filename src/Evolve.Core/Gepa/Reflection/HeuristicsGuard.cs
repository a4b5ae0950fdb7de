using System.Globalization;
using Evolve.Kernel;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Checks a child's heuristics against the seed's: it must parse, declare the same knobs with the
/// same types and ranges (a child may not widen its own range), and keep every value in range.
/// </summary>
internal static class HeuristicsGuard
{
    public static void Check(string name, string text, Heuristics seed, List<string> problems)
    {
        Heuristics child;
        try
        {
            child = Heuristics.Parse(text, name);
        }
        catch (InputException ex)
        {
            // Parse already checks each knob against its own declared range.
            problems.AddRange(ex.Errors.Select(e => $"{name}: {(e.Field is null ? "" : e.Field + ": ")}{e.Message.TrimEnd('.')}."));
            return;
        }

        var seedKnobs = seed.Knobs.ToDictionary(k => k.Name, StringComparer.Ordinal);
        var childKnobs = child.Knobs.ToDictionary(k => k.Name, StringComparer.Ordinal);
        foreach (var missing in seedKnobs.Keys.Where(k => !childKnobs.ContainsKey(k)))
        {
            problems.Add($"{name}: the knob '{missing}' is missing.");
        }

        foreach (var knob in child.Knobs)
        {
            if (!seedKnobs.TryGetValue(knob.Name, out var declared))
            {
                problems.Add($"{name}: the knob '{knob.Name}' is not declared by the seed.");
            }
            else if (knob.Type != declared.Type)
            {
                problems.Add($"{name}: the knob '{knob.Name}' changed type from {Lower(declared.Type)} to {Lower(knob.Type)}.");
            }
            else if (knob.Min != declared.Min || knob.Max != declared.Max || !knob.Values.SequenceEqual(declared.Values))
            {
                problems.Add($"{name}: the knob '{knob.Name}' changed its declared range.");
            }
            else if (OutOfRange(knob) is { } why)
            {
                problems.Add($"{name}: the knob '{knob.Name}' is out of range ({why}).");
            }
        }
    }

    private static string? OutOfRange(HeuristicKnob knob)
    {
        if (knob.Type is HeuristicType.Float or HeuristicType.Int)
        {
            var value = Convert.ToDouble(knob.Value, CultureInfo.InvariantCulture);
            return value < knob.Min || value > knob.Max
                ? string.Create(CultureInfo.InvariantCulture, $"{knob.ValueText} is outside [{knob.Min}, {knob.Max}]")
                : null;
        }

        return knob.Type == HeuristicType.Enum && !knob.Values.Contains(knob.Value as string ?? "")
            ? $"'{knob.ValueText}' is not one of {string.Join(", ", knob.Values)}"
            : null;
    }

    private static string Lower(HeuristicType type) => type.ToString().ToLowerInvariant();
}
