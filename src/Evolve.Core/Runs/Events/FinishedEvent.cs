using System.Text.Json.Serialization;
using Evolve.Core.Stats;

namespace Evolve.Core.Runs.Events;

/// <summary>The "finished" event: an optimization's best candidate and its holdout check against the seed.</summary>
/// <param name="Best">The best candidate's id.</param>
/// <param name="MeanDifference">Best minus seed on the holdout cases; null (and left out of the JSON) without the check.</param>
/// <param name="Verdict">The holdout verdict, stored as its number; null (and left out of the JSON) without the check.</param>
/// <param name="StopReason">Why the search stopped, or null when it ran to the end.</param>
public sealed record FinishedEvent(
    string Best,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MeanDifference,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Verdict? Verdict,
    string? StopReason) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "finished";
}
