using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Runs;

/// <summary>
/// The "usage" run event, written when an invocation of a run ends (finished, interrupted or failed)
/// and read by the run report: the model calls, tokens and cost this invocation spent, per role,
/// from the same ledger the CLI's usage line prints. A resumed run holds one event per invocation.
/// </summary>
/// <param name="Task">Calls that answered cases.</param>
/// <param name="Reflection">Calls that proposed candidates.</param>
internal sealed record UsageEvent(UsageTotals Task, UsageTotals Reflection)
{
    /// <summary>The event's kind in the run's events.</summary>
    public const string Kind = "usage";

    /// <summary>Every call, as the CLI's usage line counts them.</summary>
    public UsageTotals Total => Task + Reflection;
}
