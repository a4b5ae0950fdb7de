using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Runs.Events;

/// <summary>
/// The "usage" run event, read by the run report: the model calls, tokens and cost one invocation
/// of a run has spent so far, per role, from the same ledger the CLI's usage line prints. Written
/// when the invocation ends (finished, interrupted or failed) and, for an optimization, after each
/// generation, so a killed invocation still counts up to its last generation. The last event of
/// each <see cref="Invocation"/> holds its totals; a resumed run's invocations add up.
/// </summary>
/// <param name="Task">Calls that answered cases.</param>
/// <param name="Reflection">Calls that proposed candidates.</param>
/// <param name="Invocation">1 for the run's first invocation, 2 for its first resume, and so on.</param>
internal sealed record UsageEvent(UsageTotals Task, UsageTotals Reflection, int Invocation = 0) : IRunEvent
{
    /// <inheritdoc/>
    public static string Kind => "usage";

    /// <summary>The judge model's calls (model-graded assertions); null in runs recorded before judges existed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public UsageTotals? Judge { get; init; }

    /// <summary>Every call, as the CLI's usage line counts them.</summary>
    public UsageTotals Total => Task + Reflection + (Judge ?? UsageTotals.Zero);
}
