using Evolve.Core.Scoring.Assertions;
using Evolve.Core.Suites;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Evolve.Core.Scoring;

/// <summary>
/// Scores an answer against the suite's default assertions and then the case's own, each through
/// its <see cref="IEvaluator"/>, and combines them into a <see cref="CaseScore"/>. An assertion
/// that throws becomes a failing score with the exception as diagnostic: one broken check never
/// stops a run.
/// </summary>
public sealed class CaseScorer : ICaseScorer
{
    private readonly AssertionCatalog _catalog;

    /// <summary>Creates a scorer; <paramref name="services"/> defaults to <see cref="ScoringServices.Default"/> (no Python runner).</summary>
    /// <exception cref="ArgumentException">The services hold an invalid setting.</exception>
    public CaseScorer(ScoringServices? services = null)
    {
        _catalog = new AssertionCatalog(services ?? ScoringServices.Default);
    }

    /// <inheritdoc/>
    public async ValueTask<CaseScore> ScoreAsync(
        EvalCase evalCase,
        IReadOnlyList<AssertionSpec> defaultAssertions,
        Answer answer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        ArgumentNullException.ThrowIfNull(defaultAssertions);
        ArgumentNullException.ThrowIfNull(answer);

        // select-best and max-score compare answers across a matrix (MatrixComparison); they are
        // no part of one answer's own score, as in promptfoo.
        IReadOnlyList<AssertionSpec> specs = [.. defaultAssertions, .. evalCase.Assertions];
        if (specs.Any(s => AssertionTypes.Comparison.Contains(s.Type)))
        {
            specs = [.. specs.Where(s => !AssertionTypes.Comparison.Contains(s.Type))];
        }

        var scores = new AssertionScore[specs.Count];
        if (scores.Length == 0)
        {
            return CaseVerdict.Combine(evalCase, scores);
        }

        // One response and one context slot per case, shared by its assertions, keep the
        // per-assertion cost to the context and the metric.
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Output));
        var slot = new EvaluationContext[1];
        for (var i = 0; i < scores.Length; i++)
        {
            var spec = specs[i];
            var score = await _catalog.ScoreAsync(spec, evalCase, answer, response, slot, cancellationToken).ConfigureAwait(false);
            scores[i] = new AssertionScore(_catalog.DisplayType(spec), spec.Metric, spec.Weight, score);
        }

        return CaseVerdict.Combine(evalCase, scores);
    }
}
