namespace Evolve.Core.Scoring;

/// <summary>One assertion's score within a case.</summary>
/// <param name="Type">The assertion type as written (with <c>not-</c> when negated).</param>
/// <param name="Metric">The named metric, or null.</param>
/// <param name="Weight">Its weight in the case score.</param>
/// <param name="Score">Its verdict.</param>
public sealed record AssertionScore(string Type, string? Metric, double Weight, Score Score);
