using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Core.Evaluation;

/// <summary>A case whose own reference answer does not pass its assertions: the case (or its tests) is wrong.</summary>
/// <param name="Case">The case.</param>
/// <param name="Problem">Why: no reference, or the feedback of the failing assertions.</param>
public sealed record ReferenceFailure(EvalCase Case, string Problem);

/// <summary>
/// <c>evolve suite validate --check-references</c>: scores each case's reference answer with the
/// case's own assertions. A suite whose references fail would reward wrong answers.
/// </summary>
public static class ReferenceCheck
{
    /// <summary>Returns the cases whose reference fails (empty when all pass).</summary>
    public static async Task<IReadOnlyList<ReferenceFailure>> RunAsync(
        Suite suite,
        SimAnswerKind answerKind,
        ICaseScorer scorer,
        int concurrency,
        CancellationToken cancellationToken = default)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Index, ReferenceFailure Failure)>();
        await Parallel.ForEachAsync(
            suite.Cases.Select((c, i) => (Case: c, Index: i)),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var reference = CaseOracle.Reference(item.Case);
                if (reference is null)
                {
                    failures.Add((item.Index, new ReferenceFailure(item.Case, "no reference answer (add expected:)")));
                    return;
                }

                var answer = answerKind == SimAnswerKind.Code ? $"```python\n{reference}\n```" : reference;
                var score = await scorer.ScoreAsync(item.Case, suite.DefaultAssertions, answer, ct).ConfigureAwait(false);
                if (!score.Pass)
                {
                    failures.Add((item.Index, new ReferenceFailure(item.Case, score.Feedback)));
                }
            }).ConfigureAwait(false);
        return failures.OrderBy(f => f.Index).Select(f => f.Failure).ToList();
    }
}
