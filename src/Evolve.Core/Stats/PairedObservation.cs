namespace Evolve.Core.Stats;

/// <summary>
/// One shared case scored under candidate A and candidate B. When a case was repeated, the
/// caller averages the repeats first: the case, not the rollout, is the unit of comparison.
/// </summary>
/// <param name="CaseId">The case both candidates ran; unique within one comparison.</param>
/// <param name="A">A's score in [0, 1].</param>
/// <param name="B">B's score in [0, 1].</param>
/// <param name="APass">Whether A passed the case.</param>
/// <param name="BPass">Whether B passed the case.</param>
public sealed record PairedObservation(string CaseId, double A, double B, bool APass, bool BPass);
