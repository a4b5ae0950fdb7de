using System.Globalization;
using Evolve.Core.Gepa;
using Evolve.Core.Gepa.Search;
using Evolve.Core.Reports;
using Evolve.Core.Runs.Events;

namespace Evolve.Cli.Output;

/// <summary>The live line per generation and the closing summary of <c>evolve run</c>.</summary>
internal static class RunSummaryWriter
{
    public static string GenerationLine(GenerationSummary g) => string.Create(CultureInfo.InvariantCulture,
        $"gen {g.Generation,3}  rollouts {g.Spent}/{g.Budget}  best val {g.BestScore:0.000} ({g.BestId})  front {g.FrontSize}  pool {g.PoolSize}  proposed {g.Proposed}  accepted {g.Accepted}  rejected {g.Rejected}  guarded {g.Guarded}  raced {g.Raced}  merged {g.Merged}")
        + (g.Combined > 0 ? string.Create(CultureInfo.InvariantCulture, $"  combined {g.Combined}") : "");

    /// <summary>What the re-validation found: the pick's fresh mean against the seed's, or that the seed was kept.</summary>
    public static string FinalPickLine(GepaResult r, FinalPickResult pick)
    {
        var ic = CultureInfo.InvariantCulture;
        var head = string.Create(ic, $"final pick: {pick.Ranked.Count} leaders and the seed re-validated on {r.RevalidateRepeats} fresh repeats: seed {ScoreText.Score(pick.SeedMean)}");
        if (pick.KeptSeed)
        {
            var top = pick.Ranked.Count == 0 ? "" : string.Create(ic, $", best leader {ScoreText.Score(pick.Ranked.Max(e => e.Mean))}");
            return head + top + "; none beat the seed, so the seed is kept";
        }

        var picked = pick.Ranked.First(e => e.Id == pick.PickId);
        return head + string.Create(ic, $", pick {ScoreText.Score(picked.Mean)} (difference {ScoreText.Signed(picked.Difference)}, lower bound {ScoreText.Signed(picked.LowerBound)})");
    }

    public static void Write(GepaResult r, TextWriter o)
    {
        var h = r.Holdout;
        var ic = CultureInfo.InvariantCulture;
        o.WriteLine(ModelLabel.Line(r.Model));
        o.WriteLine($"run: {r.RunDirectory}{(r.Resumed ? " (resumed)" : "")}");
        o.WriteLine($"stopped: {r.StopReason}");
        o.WriteLine(string.Create(ic, $"generations {r.Generations}   rollouts {r.Spent}/{r.Budget}   racing saved {r.RacingSaved} rollouts"));
        o.WriteLine(string.Create(ic, $"validation: seed {ScoreText.Score(r.SeedValScore)} -> best {ScoreText.Score(r.BestValScore)}"));
        if (r.FinalPick is { } pick)
        {
            o.WriteLine(FinalPickLine(r, pick));
        }

        o.WriteLine(string.Create(ic, $"holdout ({h.N} cases the search never saw), seed vs best:"));
        o.WriteLine(string.Create(ic, $"  seed {ScoreText.Score(h.MeanA)}  best {ScoreText.Score(h.MeanB)}  difference {ScoreText.Signed(h.MeanDifference)} ({h.DifferenceInterval.Level:P0} CI {ScoreText.Signed(h.DifferenceInterval.Lower)} to {ScoreText.Signed(h.DifferenceInterval.Upper)})"));
        o.WriteLine(string.Create(ic, $"  McNemar p = {h.McNemarP:0.####}  sign test p = {h.SignTestP:0.####}  wins {h.Wins} / ties {h.Ties} / losses {h.Losses}"));
        o.WriteLine($"  verdict: {h.Explanation}");
        var changed = r.Best.Components.Where(c => r.Seed.Components.GetValueOrDefault(c.Key) != c.Value).Select(c => c.Key).ToList();
        o.WriteLine($"best candidate: {r.Best.Id}" + (changed.Count == 0 ? " (the seed)" : $" (changed: {string.Join(", ", changed)})"));
        // Promoting the seed would fail the artifacts gate (identical to live), so do not suggest it.
        o.WriteLine(changed.Count == 0
            ? (r.FinalPick is { KeptSeed: true } ? "nothing to promote: no candidate beat the seed on the fresh validation repeats" : "nothing to promote: no candidate beat the seed on validation")
            : $"promote with: evolve promote {r.Run.Id} --candidate {r.Best.ShortId}");
    }
}
