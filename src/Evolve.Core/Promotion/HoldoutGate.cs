using System.Globalization;
using Evolve.Core.Evaluation;
using Evolve.Core.Stats;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Promotion;

/// <summary>
/// Live against the candidate on the suite's holdout split, case by case (repeats averaged first),
/// through the run's model. Rollouts go into the run's store, so ones the run already made for the
/// same texts, case and repeat are reused rather than paid for again.
/// </summary>
internal static class HoldoutGate
{
    /// <summary>
    /// The rule: the gate fails when the mean per-case difference (candidate - live) is below
    /// -tolerance. This is deliberately stricter than "fail only when the whole confidence interval
    /// lies below -tolerance": on the few holdout cases a suite has, that interval is wide and would
    /// wave through a candidate that looks clearly worse. A candidate that merely fails to show an
    /// improvement still passes, since the run's validation already chose it.
    /// </summary>
    public static bool Passes(PairedComparisonResult comparison, double tolerance) => comparison.MeanDifference >= -tolerance;

    public static async Task<(GateResult Gate, PairedComparisonResult Comparison)> RunAsync(
        RolloutExecutor executor, AgentProfile profile, IReadOnlyList<EvalCase> holdout, Candidate live, Candidate candidate,
        PromotionOptions options, CancellationToken cancellationToken)
    {
        var liveAgent = AgentDefinition.Create(profile, live.Components, options.Sandbox);
        var candidateAgent = AgentDefinition.Create(profile, candidate.Components, options.Sandbox);
        var pairs = await PairedRollouts.RunAsync(executor, (live, liveAgent), (candidate, candidateAgent), holdout, options.Repeat, cancellationToken: cancellationToken).ConfigureAwait(false);
        var comparison = PairedRollouts.Compare(pairs, options.Seed);
        var passed = Passes(comparison, options.Tolerance);
        var verdict = passed ? "not worse than live beyond the tolerance" : "worse than live beyond the tolerance";
        var ci = comparison.DifferenceInterval;
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{comparison.N} holdout cases x {options.Repeat}: live {comparison.MeanA:0.000}, candidate {comparison.MeanB:0.000}, difference {comparison.MeanDifference:+0.000;-0.000;0.000} ({ci.Level:0%} CI [{ci.Lower:+0.000;-0.000;0.000}, {ci.Upper:+0.000;-0.000;0.000}], p {comparison.PValue:0.###}); {verdict} {options.Tolerance:0.###}");
        return (new GateResult("holdout", passed, detail), comparison);
    }
}
