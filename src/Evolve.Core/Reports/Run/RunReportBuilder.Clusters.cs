using Evolve.Core.Runs;

namespace Evolve.Core.Reports.Run;

/// <summary>Failure clusters over the failing rollouts' feedback.</summary>
internal static partial class RunReportBuilder
{
    /// <summary>Failures fed to clustering at most (an even sample beyond it), to keep a large run's report fast.</summary>
    public const int MaxClusteredFailures = 1500;

    private static List<ClusterEntry> Clusters(IReadOnlyList<RolloutRow> rows)
    {
        var failures = rows.Where(r => !r.Pass && !string.IsNullOrWhiteSpace(r.Feedback)).ToList();
        return failures.Count == 0 ? [] : [];
    }
}
