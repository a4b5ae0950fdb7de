using System.Globalization;
using System.Text.Json;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Loop;

/// <summary>Reads the step limit from the heuristics carried on the request options.</summary>
internal static class StepLimit
{
    public static int From(ChatOptions? options)
    {
        if (options?.AdditionalProperties?.TryGetValue(ModelRequestKeys.Heuristics, out var heuristics) != true
            || heuristics is not IEnumerable<KeyValuePair<string, object>> pairs)
        {
            return LoopDefaults.MaxSteps;
        }

        var value = pairs.FirstOrDefault(p => p.Key == LoopDefaults.MaxStepsKey).Value;
        double? number = value switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        return number is { } n && n >= 1 ? (int)Math.Min(n, LoopDefaults.MaxStepsCeiling) : LoopDefaults.MaxSteps;
    }
}
