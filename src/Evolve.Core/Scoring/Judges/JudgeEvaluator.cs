using System.Globalization;
using Evolve.Core.Scoring.Assertions;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Scoring.Judges;

/// <summary>
/// A model-graded assertion (<see cref="JudgeKind"/>): one call to the judge model per answer,
/// through the judge's own pipeline (cache, retry, rate limit, its own usage ledger). The judge's
/// reason is the feedback reflection reads. A reply that cannot be read scores 0 with the reason;
/// a judge call that fails after its retries fails this assertion alone; a permanent failure
/// (a bad key) propagates, since it would fail every case alike.
/// </summary>
internal sealed class JudgeEvaluator(JudgeKind kind, IChatClient? judge) : AssertionEvaluator<JudgeEvaluator.Criterion>(kind.Type)
{
    internal sealed record Criterion(string? Text, double? Threshold);

    /// <inheritdoc/>
    protected override Criterion Parse(AssertionSpec spec)
    {
        if (spec.Threshold is { } t && (!double.IsFinite(t) || t < 0 || t > 1))
        {
            throw new ThresholdException($"{kind.Type}'s threshold must be between 0 and 1, not {t.ToString(CultureInfo.InvariantCulture)}");
        }

        var text = spec.Value switch
        {
            string s when !string.IsNullOrWhiteSpace(s) => s,
            null when kind == JudgeKind.Relevance => null,
            _ => throw new FormatException($"{kind.Type} needs its {kind.CriterionLabel.ToLowerInvariant()} as text, not {SpecValue.Describe(spec.Value)}"),
        };
        return new Criterion(text, spec.Threshold ?? kind.DefaultThreshold);
    }

    /// <inheritdoc/>
    protected override async ValueTask<AssertionCheck> CheckAsync(Criterion arg, AssertionContext context, string output, CancellationToken cancellationToken)
    {
        if (judge is null)
        {
            return Unusable(context, "no judge model is configured for this scorer (give one with --judge-model)");
        }

        var criterion = arg.Text ?? Question(context);
        var request = new JudgeRequest(kind.Type, criterion, output);
        var options = new ChatOptions { Temperature = 0, AdditionalProperties = new() { [ModelRequestKeys.Judge] = request } };
        string reply;
        try
        {
            var response = await judge.GetResponseAsync(JudgePrompt.Messages(kind, criterion, output), options, cancellationToken).ConfigureAwait(false);
            reply = response.Text;
        }
        catch (ModelCallException e) when (e.Kind != ModelCallFailure.Permanent)
        {
            return Unusable(context, "the judge model could not be reached: " + e.Message);
        }

        if (JudgeVerdict.Parse(reply, out var problem) is not { } verdict || Decide(verdict, arg.Threshold, out problem) is not { } decided)
        {
            return Unusable(context, $"the judge's reply could not be read ({problem}): {FeedbackText.Quote(reply)}");
        }

        var (score, passed) = decided;
        var reason = string.IsNullOrWhiteSpace(verdict.Reason) ? "the judge gave no reason" : verdict.Reason.Trim();
        return new AssertionCheck(score, passed, Explains(context.Spec, passed)
            ? passed ? $"the judge passed it ({reason}), but it must not pass." : $"the judge failed it (score {FeedbackText.Score(score)}): {reason}"
            : null);
    }

    private (double Score, bool Pass)? Decide(JudgeVerdict verdict, double? threshold, out string? problem)
    {
        problem = null;
        if (kind == JudgeKind.Factuality)
        {
            var choice = verdict.Choice;
            if (choice is not ("A" or "B" or "C" or "D" or "E"))
            {
                problem = "no choice from A to E";
                return null;
            }

            var pass = JudgeKind.PassingChoice(choice);
            return (pass ? 1 : 0, pass);
        }

        if (kind.DefaultThreshold is not null || kind == JudgeKind.Rubric && verdict.Pass is null)
        {
            if (verdict.Score is not { } score)
            {
                problem = "no score";
                return null;
            }

            return (score, Graded.Reaches(score, threshold ?? 0.5));
        }

        if (verdict.Pass is not { } judged)
        {
            problem = "no pass";
            return null;
        }

        var value = verdict.Score ?? (judged ? 1 : 0);
        return (value, judged && (threshold is not { } t || Graded.Reaches(value, t)));
    }

    // answer-relevance without a value judges against the question: the case's query, else its prompt.
    private static string Question(AssertionContext context) =>
        context.Case.Vars.TryGetValue("query", out var query) && query is not null
            ? Convert.ToString(query, CultureInfo.InvariantCulture) ?? ""
            : context.Answer.Prompt ?? "";

    private AssertionCheck Unusable(AssertionContext context, string why) =>
        new(0, false, $"not judged: {why}.", $"{context.Spec.Source}: {kind.Type}: {why}", Invertible: false);
}
