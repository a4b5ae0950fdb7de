using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>contains-all</c>, <c>contains-any</c> and their case-insensitive <c>i</c> forms. The value is
/// a list or a comma-separated string. contains-all scores the fraction of items present and
/// passes when all are (or, with a threshold, when the fraction reaches it).
/// </summary>
internal sealed class ContainsSetEvaluator : SyncAssertionEvaluator<ContainsSetEvaluator.Items>
{
    private readonly bool _all;
    private readonly StringComparison _comparison;

    public ContainsSetEvaluator(bool all, bool ignoreCase)
        : base((ignoreCase ? "icontains-" : "contains-") + (all ? "all" : "any"))
    {
        _all = all;
        _comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    }

    internal sealed record Items(string[] Values, double? Threshold);

    /// <inheritdoc/>
    protected override Items Parse(AssertionSpec spec)
    {
        if (!SpecValue.TryItems(spec.Value, out var values))
        {
            throw new FormatException($"{Type} needs a list of texts or a comma-separated string, not {SpecValue.Describe(spec.Value)}");
        }

        // A threshold means something only for the graded -all forms; -any is pass/fail.
        if (_all && spec.Threshold is { } t && t is < 0 or > 1)
        {
            throw new ThresholdException($"threshold {t} must be between 0 and 1");
        }

        return new Items(values, spec.Threshold);
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Items arg, AssertionContext context, string output)
    {
        var found = 0;
        foreach (var value in arg.Values)
        {
            if (output.Contains(value, _comparison))
            {
                found++;
            }
        }

        var fraction = (double)found / arg.Values.Length;
        var passed = _all ? (arg.Threshold is { } t ? Graded.Reaches(fraction, t) : found == arg.Values.Length) : found > 0;
        // Pass or fail, as promptfoo scores it (so a config's table matches); a threshold, an Evolve
        // addition, asks for partial credit and gets the fraction found.
        var value01 = _all && arg.Threshold is not null ? fraction : (passed ? 1 : 0);
        if (!Explains(context.Spec, passed))
        {
            return new AssertionCheck(value01, passed, null);
        }

        var present = Select(arg.Values, output, present: true);
        var missing = Select(arg.Values, output, present: false);
        var caseNote = _comparison == StringComparison.OrdinalIgnoreCase ? " (ignoring case)" : string.Empty;
        string explanation = (_all, passed) switch
        {
            (true, false) => $"the answer lacks {missing.Count} of {arg.Values.Length} required texts{caseNote}: {FeedbackText.QuoteList(missing)}. The answer was {FeedbackText.Quote(output)} — include each of them.",
            (false, false) => $"expected at least one of {FeedbackText.QuoteList(arg.Values)}{caseNote}, but none appears. The answer was {FeedbackText.Quote(output)} — use one of them.",
            (true, true) => $"the answer must not contain all of {FeedbackText.QuoteList(arg.Values)}{caseNote}, but it does — leave at least one out.",
            (false, true) => $"the answer must contain none of {FeedbackText.QuoteList(arg.Values)}{caseNote}, but it contains {FeedbackText.QuoteList(present)} — leave them out.",
        };
        return new AssertionCheck(value01, passed, explanation);
    }

    private List<string> Select(string[] values, string output, bool present)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            if (output.Contains(value, _comparison) == present)
            {
                list.Add(value);
            }
        }

        return list;
    }
}
