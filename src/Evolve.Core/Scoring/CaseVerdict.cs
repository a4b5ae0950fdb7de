using System.Text;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring;

/// <summary>
/// Combines assertion scores into a case score: the weighted mean over assertions with weight
/// above 0 (the plain mean when every weight is 0), passing when every counted assertion passes,
/// or when the mean reaches the case's threshold if it has one.
/// </summary>
internal static class CaseVerdict
{
    /// <summary>The line prefix the simulator's reflection mode looks for.</summary>
    public const string HintsPrefix = "Hints: ";

    /// <summary>Builds the case score and its feedback for reflection.</summary>
    public static CaseScore Combine(EvalCase evalCase, AssertionScore[] scores)
    {
        if (scores.Length == 0)
        {
            return new CaseScore(1, true, "No assertions: nothing was checked.", scores);
        }

        double weighted = 0, totalWeight = 0, plain = 0;
        bool allCountedPass = true, allPass = true;
        foreach (var assertion in scores)
        {
            var weight = Counted(assertion);
            weighted += weight * assertion.Score.Value;
            totalWeight += weight;
            plain += assertion.Score.Value;
            allPass &= assertion.Score.Pass;
            allCountedPass &= weight == 0 || assertion.Score.Pass;
        }

        var value = totalWeight > 0 ? weighted / totalWeight : plain / scores.Length;
        var pass = evalCase.Threshold is { } threshold
            ? Graded.Reaches(value, threshold)
            : (totalWeight > 0 ? allCountedPass : allPass);
        return new CaseScore(value, pass, Feedback(evalCase, scores, value, pass, allPass), scores);
    }

    private static double Counted(AssertionScore assertion) =>
        double.IsFinite(assertion.Weight) && assertion.Weight > 0 ? assertion.Weight : 0;

    private static string Feedback(EvalCase evalCase, AssertionScore[] scores, double value, bool pass, bool allPass)
    {
        if (allPass)
        {
            return scores.Length == 1 ? "The one assertion passed." : $"All {scores.Length} assertions passed.";
        }

        var builder = new StringBuilder();
        var threshold = evalCase.Threshold is { } t ? $", case threshold {FeedbackText.Score(t)}" : string.Empty;
        builder.Append(pass ? "Passed" : "Failed")
            .Append(" (score ").Append(FeedbackText.Score(value)).Append(threshold).Append(')')
            .Append(pass ? ", but these checks failed:" : ":");
        foreach (var assertion in scores)
        {
            if (assertion.Score.Pass)
            {
                continue;
            }

            builder.Append('\n').Append("- ");
            if (Counted(assertion) == 0)
            {
                builder.Append("(weight 0, not counted) ");
            }

            if (assertion.Metric is not null)
            {
                builder.Append('[').Append(assertion.Metric).Append("] ");
            }

            builder.Append(assertion.Score.Feedback);
        }

        if (!pass && evalCase.Hints.Count > 0)
        {
            builder.Append('\n').Append(HintsPrefix).AppendJoin("; ", evalCase.Hints);
        }

        return builder.ToString();
    }
}
