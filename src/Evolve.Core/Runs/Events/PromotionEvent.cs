using System.Text.Json.Serialization;
using Evolve.Core.Promotion;

namespace Evolve.Core.Runs.Events;

/// <summary>
/// The "promotion" event, stored in the promoted run: either the gates refused the candidate
/// (<see cref="Gates"/> set) or it became a library version (<see cref="Version"/> and
/// <see cref="Channel"/> set). Unset fields are left out of the JSON, as they always were.
/// </summary>
/// <param name="Candidate">The candidate's id.</param>
/// <param name="Agent">The library agent.</param>
/// <param name="Passed">True when it was promoted.</param>
/// <param name="Gates">Every gate's outcome, when one failed.</param>
/// <param name="Version">The new library version, when promoted.</param>
/// <param name="Channel">live or canary, when promoted.</param>
public sealed record PromotionEvent(
    string Candidate,
    string Agent,
    bool Passed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<GateResult>? Gates = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Version = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Channel = null) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "promotion";
}
