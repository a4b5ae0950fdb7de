using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary><c>starts-with</c>: the answer, after leading whitespace, begins with the value.</summary>
internal sealed class StartsWithEvaluator() : SyncAssertionEvaluator<string>("starts-with")
{
    /// <inheritdoc/>
    protected override string Parse(AssertionSpec spec) =>
        SpecValue.TryText(spec.Value, out var text) && text.Length > 0
            ? text
            : throw new FormatException($"starts-with needs a non-empty text value, not {SpecValue.Describe(spec.Value)}");

    /// <inheritdoc/>
    protected override AssertionCheck Check(string arg, AssertionContext context, string output)
    {
        var answer = output.AsSpan().TrimStart();
        var passed = answer.StartsWith(arg, StringComparison.Ordinal);
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        var prefix = FeedbackText.Quote(arg);
        if (passed)
        {
            return AssertionCheck.Binary(passed, $"the answer must not start with {prefix}, but it does — begin differently.");
        }

        var opening = answer[..Math.Min(answer.Length, Math.Max(arg.Length, 40))].ToString();
        return AssertionCheck.Binary(passed, $"expected the answer to start with {prefix}, but it starts with {FeedbackText.Quote(opening)} — begin the answer with exactly that text, with nothing before it.");
    }
}
