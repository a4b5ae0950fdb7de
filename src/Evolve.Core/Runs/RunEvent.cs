namespace Evolve.Core.Runs;

/// <summary>A stored run event.</summary>
/// <param name="Seq">Order of recording.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Kind">Event kind, e.g. generation, holdout, finished, scheduler.</param>
/// <param name="DataJson">The payload as JSON.</param>
public sealed record RunEvent(long Seq, DateTimeOffset At, string Kind, string DataJson);
