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
            null when kind == JudgeKind.Relevance || kind.Input is JudgeInput.Faithfulness or JudgeInput.ContextRelevance or JudgeInput.Conversation => null,
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

        if (Frame(arg, context, output, out var missing) is not var (criterion, subject, simWanted, simText))
        {
            return Unusable(context, missing!);
        }

        // The simulated judge looks for the first text's salient words in the second: for
        // faithfulness, the answer's words in the context.
        var request = new JudgeRequest(kind.Type, simWanted, simText);
        var options = new ChatOptions { Temperature = 0, AdditionalProperties = new() { [ModelRequestKeys.Judge] = request } };
        string reply;
        try
        {
            var response = await judge.GetResponseAsync(JudgePrompt.Messages(kind, criterion, subject), options, cancellationToken).ConfigureAwait(false);
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

    // The criterion and the graded text the judge is shown, and the pair the simulated judge
    // compares (wanted words, text to find them in); null with the reason when a var is missing.
    private (string Criterion, string Subject, string SimWanted, string SimText)? Frame(Criterion arg, AssertionContext context, string output, out string? missing)
    {
        missing = null;
        var query = Var(context, "query");
        var retrieved = Var(context, "context");
        switch (kind.Input)
        {
            case JudgeInput.Faithfulness when query is null || retrieved is null:
            case JudgeInput.ContextRelevance when query is null || retrieved is null:
                missing = $"{kind.Type} needs the case's 'query' and 'context' vars";
                return null;
            case JudgeInput.Faithfulness:
                return ($"Question: {query}\n\nContext:\n{retrieved}", output, output, retrieved!);
            case JudgeInput.ContextRelevance:
                return (query!, retrieved!, query!, retrieved!);
            case JudgeInput.Recall:
                var source = retrieved ?? context.Answer.Prompt ?? "";
                return (arg.Text!, source, arg.Text!, source);
            case JudgeInput.Conversation:
                var conversation = arg.Text ?? Conversation(context) ?? context.Answer.Prompt ?? "";
                return (conversation, output, conversation, output);
            default:
                // answer-relevance without a value judges against the question: the case's query, else its prompt.
                var criterion = arg.Text ?? query ?? context.Answer.Prompt ?? "";
                return (criterion, output, criterion, output);
        }
    }

    private static string? Var(AssertionContext context, string name) =>
        context.Case.Vars.TryGetValue(name, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    // promptfoo's _conversation var: a list of {input, output} turns.
    private static string? Conversation(AssertionContext context) =>
        context.Case.Vars.TryGetValue("_conversation", out var value) && value is IEnumerable<object?> turns
            ? string.Join("\n", turns.OfType<IReadOnlyDictionary<string, object?>>().Select(t => $"User: {t.GetValueOrDefault("input")}\nAssistant: {t.GetValueOrDefault("output")}"))
            : null;

    private AssertionCheck Unusable(AssertionContext context, string why) =>
        new(0, false, $"not judged: {why}.", $"{context.Spec.Source}: {kind.Type}: {why}", Invertible: false);
}
