namespace Evolve.Core.Reports.Insights;

/// <summary>The feedback of one failing rollout, the input of <see cref="FailureClusters.Find"/>.</summary>
/// <param name="CandidateId">The prompt candidate that was scored.</param>
/// <param name="CaseId">The suite case that failed.</param>
/// <param name="Feedback">The scorer's feedback text, e.g. "1 of 4 hidden tests failed: test_empty_list: IndexError ...".</param>
public sealed record FailureText(string CandidateId, string CaseId, string Feedback);
