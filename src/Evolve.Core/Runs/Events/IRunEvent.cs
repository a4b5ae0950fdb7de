namespace Evolve.Core.Runs.Events;

/// <summary>
/// A payload of the run's <c>events</c> table, stored as JSON (web casing) under its <see cref="Kind"/>.
/// Each kind has one record, so writers and readers agree on its fields; see
/// <see cref="RunStore.AppendEvent{T}"/> and <see cref="RunStore.LoadEvents{T}"/>.
/// </summary>
public interface IRunEvent
{
    /// <summary>The text stored in <c>events.kind</c>; never renamed, or older runs lose their events.</summary>
    static abstract string Kind { get; }
}
