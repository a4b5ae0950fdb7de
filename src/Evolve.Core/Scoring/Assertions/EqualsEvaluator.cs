using System.Text.Json;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>equals</c>: the answer is exactly the value, after trailing whitespace is trimmed from both.
/// Numbers compare as their text; a map or list value also matches an answer that is the same
/// JSON (any key order, scalars compared as text).
/// </summary>
internal sealed class EqualsEvaluator() : SyncAssertionEvaluator<EqualsEvaluator.Expected>("equals")
{
    internal sealed record Expected(string Text, JsonElement? Json);

    /// <inheritdoc/>
    protected override Expected Parse(AssertionSpec spec)
    {
        if (SpecValue.IsStructured(spec.Value))
        {
            var json = JsonWriting.ToJson(spec.Value, asSchema: false);
            using var document = JsonDocument.Parse(json);
            return new Expected(json, document.RootElement.Clone());
        }

        return SpecValue.TryText(spec.Value, out var text)
            ? new Expected(text.TrimEnd(), null)
            : throw new FormatException("equals needs a value: the exact expected answer");
    }

    /// <inheritdoc/>
    protected override AssertionCheck Check(Expected arg, AssertionContext context, string output)
    {
        var answer = output.AsSpan().TrimEnd();
        var passed = answer.SequenceEqual(arg.Text) || (arg.Json is { } json && SameJson(json, output));
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        var expected = FeedbackText.Quote(arg.Text);
        if (passed)
        {
            return AssertionCheck.Binary(passed, $"the answer must not be {expected}, but it was exactly that — give a different answer.");
        }

        return AssertionCheck.Binary(passed, $"expected {expected} but the answer was {FeedbackText.Quote(output)} — {Advice(answer, arg.Text)}");
    }

    private static string Advice(ReadOnlySpan<char> answer, string expected)
    {
        if (answer.Trim().Equals(expected.AsSpan().Trim(), StringComparison.Ordinal))
        {
            return "remove the surrounding whitespace.";
        }

        if (answer.Equals(expected, StringComparison.OrdinalIgnoreCase))
        {
            return "match the letter case exactly.";
        }

        return answer.Contains(expected, StringComparison.OrdinalIgnoreCase)
            ? "answer with the value only, with no other words."
            : "the answer must be exactly that text, nothing else.";
    }

    private static bool SameJson(JsonElement expected, string output)
    {
        using var document = JsonLocator.TryParseWhole(FencedBlock.Whole(output) ?? output, out _);
        return document is not null && JsonTextEquality.Equal(expected, document.RootElement);
    }
}
