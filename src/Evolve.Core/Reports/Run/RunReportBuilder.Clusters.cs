using Evolve.Core.Reports.Insights;
using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Run;

/// <summary>Failure clusters over the failing rollouts' feedback.</summary>
internal static partial class RunReportBuilder
{
    private static List<ClusterEntry> Clusters(IReadOnlyList<RolloutRow> rows)
    {
        var failures = rows.Where(r => !r.Pass && !string.IsNullOrWhiteSpace(r.Feedback))
            .Select(r => new FailureText(r.CandidateId, r.CaseId, r.Feedback!)).ToList();
        return [.. FailureClusters.Find(failures, new FailureClusterOptions { MaxInputs = RunReports.MaxClusteredTexts })
            .Select(c => new ClusterEntry(c.Label, c.Count, c.CaseIds, c.CandidateIds.Count, c.Examples))];
    }
}
