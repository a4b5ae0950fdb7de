using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// What the simulator reads from a candidate's heuristics (<see cref="ModelRequestKeys.Heuristics"/>):
/// a canonical digest, which is part of the candidate hash, and the knobs that move the odds.
/// Profiles are memoized per dictionary instance because a candidate's dictionary is reused for
/// every case it runs.
/// </summary>
internal sealed record SimHeuristics(ulong Hash, bool SelfTest, bool PlanFirst, double? Temperature)
{
    public static readonly SimHeuristics None = new(0UL, false, false, null);

    private static readonly ConditionalWeakTable<object, SimHeuristics> Memo = [];

    public static SimHeuristics From(object? value) => value switch
    {
        null => None,
        IEnumerable<KeyValuePair<string, object?>> pairs => Memo.GetValue(pairs, static p => Build((IEnumerable<KeyValuePair<string, object?>>)p)),
        _ => None,
    };

    private static SimHeuristics Build(IEnumerable<KeyValuePair<string, object?>> pairs)
    {
        var canonical = ModelRequest.CanonicalHeuristics(pairs);
        var lookup = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            lookup[key] = value;
        }

        return new SimHeuristics(
            canonical.Length == 0 ? 0UL : StableHash.Of(canonical),
            AsBool(lookup.GetValueOrDefault("self_test")),
            AsBool(lookup.GetValueOrDefault("plan_first")),
            AsDouble(lookup.GetValueOrDefault("temperature")));
    }

    private static bool AsBool(object? value) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        string s => s.Equals("true", StringComparison.OrdinalIgnoreCase) || s == "1",
        _ => false,
    };

    private static double? AsDouble(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => double.TryParse(ModelRequest.FormatValue(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
    };
}
