using System.Text.RegularExpressions;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>regex</c>: the answer matches the value (.NET syntax). The pattern is compiled once per spec
/// with a match timeout, so a catastrophic pattern costs one timeout, not a hung run.
/// </summary>
internal sealed class RegexEvaluator(TimeSpan timeout) : SyncAssertionEvaluator<Regex>("regex")
{
    /// <inheritdoc/>
    protected override Regex Parse(AssertionSpec spec)
    {
        if (!SpecValue.TryText(spec.Value, out var pattern) || pattern.Length == 0)
        {
            throw new FormatException($"regex needs a pattern, not {SpecValue.Describe(spec.Value)}");
        }

        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"the pattern {FeedbackText.Quote(pattern, 80)} is not a valid regular expression: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Regex arg, AssertionContext context, string output)
    {
        Match match;
        try
        {
            match = arg.Match(output);
        }
        catch (RegexMatchTimeoutException)
        {
            return AssertionCheck.Broken(
                $"matching /{arg}/ took longer than {timeout.TotalMilliseconds:0} ms, so the check could not decide. This is a problem in the suite's pattern.",
                $"{context.Spec.Source}: regex /{arg}/ timed out after {timeout.TotalMilliseconds:0} ms on an answer of {output.Length} chars");
        }

        var passed = match.Success;
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        return passed
            ? AssertionCheck.Binary(passed, $"the answer must not match /{arg}/, but {FeedbackText.Quote(match.Value, 80)} does — leave that out.")
            : AssertionCheck.Binary(passed, $"expected the answer to match /{arg}/, but it does not. The answer was {FeedbackText.Quote(output)} — write the answer in the form that pattern describes.");
    }
}
