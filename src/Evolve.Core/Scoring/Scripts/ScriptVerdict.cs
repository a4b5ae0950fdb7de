using Evolve.Core.Scoring.Assertions;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// promptfoo's rule for a script's result, shared by <c>javascript</c> and <c>python</c>: a boolean
/// passes or fails; a number is the score, passing above 0 or at the threshold; <c>{pass, score,
/// reason}</c> says all three. A script that could not judge fails, negated or not, with the reason.
/// </summary>
internal static class ScriptVerdict
{
    /// <summary>The check for <paramref name="result"/> of the script shown as <paramref name="shown"/>, written in <paramref name="language"/>.</summary>
    public static AssertionCheck Of(ScriptResult result, AssertionSpec spec, string language, string shown)
    {
        if (result.Failure is { } failure)
        {
            return AssertionCheck.Broken(
                $"the {language} check {FeedbackText.Quote(shown)} could not judge this answer: {failure}.",
                $"{spec.Source}: {spec.Type}: {failure}");
        }

        var score = result.Score ?? (result.Pass == true ? 1 : 0);
        var passed = result.Pass ?? (spec.Threshold is { } t ? score >= t : score > 0);
        if (passed != spec.Negate)
        {
            return new AssertionCheck(score, passed, null);
        }

        var said = result.Reason is { Length: > 0 } reason ? reason
            : result.IsNumber ? $"it scored {FeedbackText.Number(score)}{(spec.Threshold is { } threshold ? $", threshold {FeedbackText.Number(threshold)}" : ", needs more than 0")}"
            : passed ? "it returned true" : "it returned false";
        var verdict = passed ? "must not pass" : "failed";
        return new AssertionCheck(score, passed, $"the {language} check {FeedbackText.Quote(shown)} {verdict}: {said}.");
    }
}
