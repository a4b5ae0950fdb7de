namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// One example shown to the reflection model: what the agent was given, what it answered, and the
/// scorer's feedback on it. Texts are already capped (see <see cref="ReflectiveDataset"/>).
/// </summary>
/// <param name="CaseId">The case's id.</param>
/// <param name="Inputs">The case's variables rendered as text.</param>
/// <param name="Output">The agent's final answer (or a note that there was none, with the error).</param>
/// <param name="Feedback">The scorer's feedback, verbatim apart from the cap; <c>Hints:</c> lines always kept.</param>
/// <param name="Score">The case score in [0, 1].</param>
/// <param name="Trace">The conversation beyond the final answer (tool calls, earlier turns), or null when there is nothing more to show.</param>
public sealed record ReflectiveRecord(string CaseId, string Inputs, string Output, string Feedback, double Score, string? Trace);
