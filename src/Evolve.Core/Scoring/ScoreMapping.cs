using Microsoft.Extensions.AI.Evaluation;

namespace Evolve.Core.Scoring;

/// <summary>Reads an <see cref="EvaluationResult"/> with one metric back as a <see cref="Score"/>.</summary>
internal static class ScoreMapping
{
    /// <summary>
    /// The first metric's value (numeric, or boolean as 0/1), pass = its interpretation did not
    /// fail, feedback = its reason, diagnostics = their messages.
    /// </summary>
    public static Score ToScore(EvaluationResult result)
    {
        EvaluationMetric? metric = null;
        foreach (var candidate in result.Metrics.Values)
        {
            metric = candidate;
            break;
        }

        if (metric is null)
        {
            return Score.Fail("the evaluator returned no metric.", "evaluation result had no metrics");
        }

        var value = metric switch
        {
            NumericMetric { Value: { } v } => v,
            BooleanMetric { Value: true } => 1,
            _ => 0,
        };
        var pass = metric.Interpretation is { } interpretation ? !interpretation.Failed : value >= 1;
        var feedback = metric.Reason ?? metric.Interpretation?.Reason ?? (pass ? $"{metric.Name}: passed." : $"{metric.Name}: failed.");
        return new Score(Math.Clamp(double.IsNaN(value) ? 0 : value, 0, 1), pass, feedback, Diagnostics(metric));
    }

    private static string[] Diagnostics(EvaluationMetric metric)
    {
        if (metric.Diagnostics is not { Count: > 0 } diagnostics)
        {
            return [];
        }

        var messages = new string[diagnostics.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            messages[i] = diagnostics[i].Message;
        }

        return messages;
    }
}
