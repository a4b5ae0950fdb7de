using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>Reads what Evolve records on a response (<see cref="ModelResponseKeys"/>), fresh or from the cache (where values have been through JSON).</summary>
public static class ModelResponse
{
    /// <summary>The answer's token log-probabilities, or null when the provider returned none.</summary>
    public static IReadOnlyList<double>? LogProbs(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.AdditionalProperties?.TryGetValue(ModelResponseKeys.LogProbs, out var value) == true
            ? value switch
            {
                double[] values => values,
                IReadOnlyList<double> values => values,
                JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetDouble())],
                _ => null,
            }
            : null;
    }
}
