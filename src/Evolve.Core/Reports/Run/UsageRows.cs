using System.Globalization;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Reports.Run;

/// <summary>
/// The report's table of model calls: task, reflection, judge and their total, the total being the
/// figures the CLI's usage line printed (both read the same ledger). Every rendering uses these rows.
/// </summary>
internal static class UsageRows
{
    private static readonly CultureInfo Ic = CultureInfo.InvariantCulture;

    /// <summary>Column headings, in row order.</summary>
    public static IReadOnlyList<string> Headings { get; } = ["model calls", "calls", "cache hits", "failed attempts", "tokens in", "tokens out"];

    public static IReadOnlyList<string[]> Rows(UsageSummary u)
    {
        if (u.Calls is not { } calls)
        {
            // Without the record only the rollouts' own tokens are known; calls and reflection are not.
            return [["task (from the stored rollouts)", "–", Count(u.CacheHits), "–", Count(u.InputTokens), Count(u.OutputTokens)]];
        }

        return [Row("task", calls.Task), Row("reflection", calls.Reflection), Row("judge", calls.Judge ?? UsageTotals.Zero), Row("total", calls.Total)];
    }

    /// <summary>What the table counts, or why it counts less than usual.</summary>
    public static string Note(UsageSummary u) => u.Calls is null
        ? "This run recorded no call totals (it was killed before it could, or predates them): the tokens are those the stored rollouts carry, and reflection calls are not counted."
        : "Every call the run made, as the CLI's usage line counts them: a cache hit is a call with no tokens, a retried attempt a call of its own. " +
          "The judge row counts the calls of model-graded assertions (llm-rubric and the like); it is zero when the suite has none." +
          (u.CallRecords > 1 ? $" Summed over the run's {u.CallRecords} invocations (the first and each resume)." : "");

    private static string[] Row(string role, UsageTotals t) =>
        [role, Count(t.Calls), Count(t.CacheHits), Count(t.FailedAttempts), Count(t.InputTokens), Count(t.OutputTokens)];

    private static string Count(long value) => value.ToString("N0", Ic);
}
