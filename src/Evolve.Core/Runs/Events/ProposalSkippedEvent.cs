namespace Evolve.Core.Runs.Events;

/// <summary>The "proposal-skipped" event: a proposal that spent no rollouts, and why.</summary>
/// <param name="Generation">The generation it belonged to.</param>
/// <param name="Parent">The parent's short id.</param>
/// <param name="Child">The refused child's short id, or null when no child was made.</param>
/// <param name="Component">The component the proposal was to change.</param>
/// <param name="Problem">Why it was skipped.</param>
public sealed record ProposalSkippedEvent(int Generation, string Parent, string? Child, string Component, string? Problem) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "proposal-skipped";
}
