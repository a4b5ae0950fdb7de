using Evolve.Core.Evaluation;
using Evolve.Core.Suites;
using Evolve.Kernel.Agents;

namespace Evolve.Core.Gepa;

/// <summary>
/// The fixed inputs of one optimization run, resolved and checked before anything runs (see
/// <see cref="GepaPreparation.Prepare"/>). Public so a baseline can search with the same inputs.
/// </summary>
public sealed record GepaSetup
{
    /// <summary>The options the run was prepared from.</summary>
    public required GepaOptions Options { get; init; }

    /// <summary>The loaded suite.</summary>
    public required Suite Suite { get; init; }

    /// <summary>The agent whose artifacts are optimized.</summary>
    public required AgentProfile Profile { get; init; }

    /// <summary>The live artifacts as the first candidate.</summary>
    public required Candidate Seed { get; init; }

    /// <summary>The artifacts the optimizer may change, in round-robin order.</summary>
    public required IReadOnlyList<string> Components { get; init; }

    /// <summary>Cases reflection learns from (minibatches).</summary>
    public required IReadOnlyList<EvalCase> Train { get; init; }

    /// <summary>Cases a child is validated on.</summary>
    public required IReadOnlyList<EvalCase> Val { get; init; }

    /// <summary>Cases only the final check against the seed sees.</summary>
    public required IReadOnlyList<EvalCase> Holdout { get; init; }

    /// <summary>Rollouts per case and candidate: <see cref="GepaOptions.Repeat"/>, else the suite's.</summary>
    public required int Repeat { get; init; }

    /// <summary>Rollouts one proposal costs at most: parent and child on a minibatch.</summary>
    public int ProposalCost => 2 * Math.Min(Options.Minibatch, Train.Count) * Repeat;

    /// <summary>Repeats per validation case: <see cref="GepaOptions.ValidationRepeat"/>, else <see cref="Repeat"/>.</summary>
    public int ValidationRepeat => Options.ValidationRepeat ?? Repeat;

    /// <summary>Rollouts one full validation costs.</summary>
    public int ValidationCost => Val.Count * ValidationRepeat;

    /// <summary>
    /// Repeats of the final holdout check: at least 5, so the verdict rests on more than one
    /// sample per case (GEPA.md, users' item 4: one lucky sample must not decide).
    /// </summary>
    public int HoldoutRepeat => Math.Max(5, Repeat);

    /// <summary>
    /// Finalists the holdout check compares with the seed: <see cref="GepaOptions.Finalists"/>, fewer
    /// when the budget cannot pay for them and one proposal, never fewer than one (the best).
    /// </summary>
    public int Finalists
    {
        get
        {
            var perCandidate = Holdout.Count * HoldoutRepeat;
            var affordable = perCandidate == 0 ? Options.Finalists : ((Options.Budget - ValidationCost - ProposalCost) / perCandidate) - 1;
            return Math.Clamp(affordable, 1, Options.Finalists);
        }
    }

    /// <summary>Rollouts the final holdout check needs (the seed and every finalist), kept in reserve from the start.</summary>
    public int HoldoutCost => (1 + Finalists) * Holdout.Count * HoldoutRepeat;

    /// <summary>
    /// Leaders re-validated before the final pick: one more than the finalists, so a lucky leader
    /// that falls back still leaves enough; fewer when that would take more than half of what the
    /// search may spend, 0 when <see cref="GepaOptions.Revalidate"/> is 0 or not even one fits.
    /// </summary>
    public int Contenders
    {
        get
        {
            var perCandidate = Val.Count * Options.Revalidate;
            if (perCandidate == 0)
            {
                return 0;
            }

            var affordable = ((Options.Budget - HoldoutCost) / 2 / perCandidate) - 1;
            return Math.Clamp(affordable, 0, Finalists + 1);
        }
    }

    /// <summary>Rollouts the re-validation needs (the seed and every contender), kept in reserve with the holdout check's.</summary>
    public int RevalidationCost => Contenders == 0 ? 0 : (1 + Contenders) * Val.Count * Options.Revalidate;
}
