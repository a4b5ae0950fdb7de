using System.Text;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>assert-set</c>: a group of assertions (its <c>assert</c> list) scored as one: the weighted
/// mean of their scores, passing when each counted one passes or, with a threshold, when the mean
/// reaches it. Each member is scored as a case's own assertion would be, through the catalog.
/// </summary>
internal sealed class AssertSetEvaluator(AssertionCatalog catalog) : AssertionEvaluator<IReadOnlyList<AssertionSpec>>("assert-set")
{
    /// <inheritdoc/>
    protected override IReadOnlyList<AssertionSpec> Parse(AssertionSpec spec)
    {
        if (spec.Value is not IReadOnlyList<AssertionSpec> { Count: > 0 } members)
        {
            throw new FormatException("assert-set needs a non-empty 'assert' list of assertions");
        }

        foreach (var member in members)
        {
            if (catalog.TryGet(member.Type, out var evaluator) && member.Value is not null && evaluator.Validate(member) is { } problem)
            {
                throw new FormatException($"its {member.DisplayType} has a bad {problem.Field}: {problem.Message}");
            }
        }

        return members;
    }

    /// <inheritdoc/>
    protected override async ValueTask<AssertionCheck> CheckAsync(IReadOnlyList<AssertionSpec> arg, AssertionContext context, string output, CancellationToken cancellationToken)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, output));
        var slot = new EvaluationContext[1];
        double weighted = 0, total = 0;
        var allPass = true;
        var failures = new StringBuilder();
        foreach (var member in arg)
        {
            var score = await catalog.ScoreAsync(member, context.Case, context.Answer, response, slot, cancellationToken).ConfigureAwait(false);
            var weight = double.IsFinite(member.Weight) && member.Weight > 0 ? member.Weight : 0;
            weighted += weight * score.Value;
            total += weight;
            allPass &= weight == 0 || score.Pass;
            if (!score.Pass)
            {
                failures.Append(failures.Length == 0 ? " " : "; ").Append(score.Feedback);
            }
        }

        var value = total > 0 ? weighted / total : 0;
        var passed = context.Spec.Threshold is { } threshold ? Graded.Reaches(value, threshold) : allPass;
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(value, passed, null);
        }

        return new AssertionCheck(value, passed, passed
            ? $"the set of {arg.Count} assertions must not pass, but it does (score {FeedbackText.Score(value)})."
            : $"the set of {arg.Count} assertions scored {FeedbackText.Score(value)}{(context.Spec.Threshold is { } t ? $", threshold {FeedbackText.Score(t)}" : "")}:{failures}");
    }
}
