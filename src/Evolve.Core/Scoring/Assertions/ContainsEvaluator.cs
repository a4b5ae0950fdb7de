using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary><c>contains</c> / <c>icontains</c>: the answer contains the value (case-insensitively for icontains).</summary>
internal sealed class ContainsEvaluator : SyncAssertionEvaluator<string>
{
    private readonly StringComparison _comparison;

    public ContainsEvaluator(bool ignoreCase)
        : base(ignoreCase ? "icontains" : "contains")
    {
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    /// <inheritdoc/>
    protected override string Parse(AssertionSpec spec) =>
        SpecValue.TryText(spec.Value, out var text) && text.Length > 0
            ? text
            : throw new FormatException($"{Type} needs a non-empty text value, not {SpecValue.Describe(spec.Value)}");

    /// <inheritdoc/>
    protected override AssertionCheck Check(string arg, AssertionContext context, string output)
    {
        var at = output.IndexOf(arg, _comparison);
        var passed = at >= 0;
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        var needle = FeedbackText.Quote(arg);
        var caseNote = _comparison == StringComparison.OrdinalIgnoreCase ? " (ignoring case)" : string.Empty;
        return passed
            ? AssertionCheck.Binary(passed, $"the answer must not contain {needle}{caseNote}, but it does: {FeedbackText.Quote(Around(output, at, arg.Length))} — leave it out.")
            : AssertionCheck.Binary(passed, $"expected the answer to contain {needle}{caseNote}, but it does not. The answer was {FeedbackText.Quote(output)} — include that text verbatim.");
    }

    // A little context around the match, so the feedback shows where the forbidden text sits.
    private static string Around(string output, int at, int length)
    {
        var start = Math.Max(0, at - 40);
        var end = Math.Min(output.Length, at + length + 40);
        return output[start..end];
    }
}
