using Evolve.Core.Scoring;
using Evolve.Core.Scoring.Comparison;
using Evolve.Core.Scoring.Judges;
using Evolve.Core.Suites;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Evaluation.Matrix;

/// <summary>
/// Decides the comparison assertions (<c>select-best</c>, <c>max-score</c>) once every column of a
/// matrix has run, as promptfoo does after its table is complete: for each case and repeat, the
/// answers of all columns are compared; the chosen one keeps its score and verdict, every other
/// one fails with the comparison's score (0), and each gets the comparison as one more assertion
/// with its reason. Each column's own run folder keeps the scores from before the comparison.
/// </summary>
internal static class MatrixComparison
{
    /// <summary>The columns with the comparisons applied; unchanged when the suite has none or there is one column.</summary>
    public static async Task<IReadOnlyList<MatrixColumn>> ApplyAsync(IReadOnlyList<MatrixColumn> columns, IChatClient? judge, CancellationToken cancellationToken)
    {
        if (columns.Count < 2)
        {
            return columns;
        }

        var defaults = columns[0].Result.Suite.DefaultAssertions;
        var changed = columns.Select(c => c.Result.Summary.Rollouts.ToDictionary(r => (r.CaseId, r.Repeat))).ToList();
        foreach (var caseResult in columns[0].Result.Summary.Cases)
        {
            var comparisons = defaults.Concat(caseResult.Case.Assertions).Where(a => AssertionTypes.Comparison.Contains(a.Type)).ToList();
            foreach (var repeat in comparisons.Count == 0 ? [] : caseResult.Rollouts.Select(r => r.Repeat))
            {
                var key = (caseResult.Case.Id, repeat);
                var present = Enumerable.Range(0, columns.Count).Where(i => changed[i].ContainsKey(key)).ToList();
                if (present.Count < 2)
                {
                    continue;
                }

                foreach (var spec in comparisons)
                {
                    var rollouts = present.Select(i => changed[i][key]).ToList();
                    var verdicts = await DecideAsync(spec, rollouts, judge, cancellationToken).ConfigureAwait(false);
                    for (var k = 0; k < present.Count; k++)
                    {
                        changed[present[k]][key] = rollouts[k] with { Score = Merge(rollouts[k].Score, spec, verdicts[k]) };
                    }
                }
            }
        }

        return [.. columns.Select((c, i) => c.Result.Summary.Rollouts.All(r => ReferenceEquals(r, changed[i][(r.CaseId, r.Repeat)]))
            ? c
            : new MatrixColumn(c.Prompt, c.Model, c.Result with { Summary = Rebuild(c.Result.Summary, changed[i]) }))];
    }

    private static async Task<IReadOnlyList<Score>> DecideAsync(AssertionSpec spec, List<Rollout> rollouts, IChatClient? judge, CancellationToken cancellationToken)
    {
        if (spec.Type == "max-score")
        {
            return MaxScorePick.Decide([.. rollouts.Select(r => r.Score)], MaxScoreOptions.Parse(spec.Value, spec.Threshold));
        }

        return judge is null
            ? [.. rollouts.Select(_ => Score.Fail("select-best: not judged: no judge model is configured (give one with --judge-model)."))]
            : await SelectBestJudge.ChooseAsync(judge, (string)spec.Value!, [.. rollouts.Select(r => r.Output)], cancellationToken).ConfigureAwait(false);
    }

    // promptfoo's merge: a chosen answer keeps its score and verdict; any other takes the comparison's.
    private static CaseScore Merge(CaseScore score, AssertionSpec spec, Score verdict)
    {
        var assertions = score.Assertions.Append(new AssertionScore(spec.DisplayType, spec.Metric, spec.Weight, verdict)).ToList();
        return verdict.Pass
            ? score with { Assertions = assertions }
            : new CaseScore(verdict.Value, false, verdict.Feedback, assertions);
    }

    private static EvaluationSummary Rebuild(EvaluationSummary summary, Dictionary<(string, int), Rollout> rollouts) => summary with
    {
        Rollouts = [.. summary.Rollouts.Select(r => rollouts[(r.CaseId, r.Repeat)])],
        Cases = [.. summary.Cases.Select(c => c with { Rollouts = [.. c.Rollouts.Select(r => rollouts[(r.CaseId, r.Repeat)])] })],
    };
}
