namespace Evolve.Core.Reports.Insights;

/// <summary>A group of failing rollouts whose feedback says much the same thing.</summary>
/// <param name="Label">The <see cref="Terms"/> joined with " / ", e.g. "test_empty_list / indexerror / range"; "(no text)" when the feedback has no words.</param>
/// <param name="Terms">Up to <see cref="FailureClusterDefaults.LabelTerms"/> words frequent in this group's feedback and rare in the other groups', most distinctive first; code-like words (test names, error types) lead among equals.</param>
/// <param name="Count">Failures in the group, counting every input even when clustering used a sample.</param>
/// <param name="CaseIds">Distinct case ids of the group, sorted ordinally.</param>
/// <param name="CandidateIds">Distinct candidate ids of the group, sorted ordinally.</param>
/// <param name="Examples">Up to 3 distinct feedback texts of the group, shortest first.</param>
public sealed record FailureCluster(
    string Label,
    IReadOnlyList<string> Terms,
    int Count,
    IReadOnlyList<string> CaseIds,
    IReadOnlyList<string> CandidateIds,
    IReadOnlyList<string> Examples);
