using System.Text.Json.Serialization;
using Evolve.Core.Stats;

namespace Evolve.Core.Runs.Events;

/// <summary>The "compare" event: a compare run's paired statistics, read by <c>evolve runs</c>.</summary>
/// <param name="A">The baseline's candidate id.</param>
/// <param name="B">The challenger's candidate id.</param>
/// <param name="N">Shared cases.</param>
/// <param name="MeanA">A's mean score.</param>
/// <param name="MeanB">B's mean score.</param>
/// <param name="MeanDifference">B minus A.</param>
/// <param name="Verdict">The verdict, stored by name (unlike <see cref="FinishedEvent.Verdict"/>, a number).</param>
/// <param name="Explanation">The verdict in words, with the sides' names.</param>
public sealed record CompareEvent(
    string A,
    string B,
    int N,
    double MeanA,
    double MeanB,
    double MeanDifference,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Verdict>))] Verdict Verdict,
    string Explanation) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "compare";
}
