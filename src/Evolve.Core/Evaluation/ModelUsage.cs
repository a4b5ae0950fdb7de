using System.Collections.Concurrent;
using Evolve.Kernel.Providers.Usage;

namespace Evolve.Core.Evaluation;

/// <summary>
/// What the models spent, one <see cref="UsageLedger"/> per <see cref="ModelRole"/>: the CLI's usage
/// line prints <see cref="Total"/> and a run records <see cref="For(ModelRole)"/> per role, so the
/// report's rows add up to exactly what the terminal said. A role keeps its own ledger even when
/// it uses the same model as another (the simulator answers cases and reflects).
/// </summary>
public sealed class ModelUsage
{
    private readonly ConcurrentDictionary<ModelRole, UsageLedger> _ledgers = new();

    /// <summary>The ledger the models of <paramref name="role"/> record into.</summary>
    public UsageLedger Ledger(ModelRole role) => _ledgers.GetOrAdd(role, static _ => new UsageLedger());

    /// <summary>Totals of one role; zero when it made no call.</summary>
    public UsageTotals For(ModelRole role) => _ledgers.TryGetValue(role, out var ledger) ? ledger.Total : UsageTotals.Zero;

    /// <summary>Totals over every role.</summary>
    public UsageTotals Total => Enum.GetValues<ModelRole>().Aggregate(UsageTotals.Zero, (sum, role) => sum + For(role));
}
