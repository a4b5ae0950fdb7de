using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>finish-reason</c>: the last model call stopped for the given reason (<c>stop</c>, <c>length</c>,
/// <c>tool_calls</c>, <c>content_filter</c>), compared case-insensitively as promptfoo does. An
/// answer whose provider gave no reason fails saying so.
/// </summary>
internal sealed class FinishReasonEvaluator() : SyncAssertionEvaluator<FinishReasonEvaluator.Expected>("finish-reason")
{
    internal sealed record Expected(string Reason);

    /// <inheritdoc/>
    protected override Expected Parse(AssertionSpec spec) => spec.Value is string { Length: > 0 } reason && !string.IsNullOrWhiteSpace(reason)
        ? new Expected(reason.Trim())
        : throw new FormatException($"finish-reason needs the expected reason (stop, length, tool_calls, content_filter), not {SpecValue.Describe(spec.Value)}");

    /// <inheritdoc/>
    protected override AssertionCheck Check(Expected arg, AssertionContext context, string output)
    {
        if (context.Answer.FinishReason is not { } actual)
        {
            const string Why = "the provider gave no finish reason for this answer";
            return new AssertionCheck(0, false, $"cannot be checked: {Why}.", $"{context.Spec.Source}: finish-reason: {Why}", Invertible: false);
        }

        var passed = string.Equals(actual, arg.Reason, StringComparison.OrdinalIgnoreCase);
        return AssertionCheck.Binary(passed, Explains(context.Spec, passed)
            ? passed
                ? $"the answer must not stop with \"{arg.Reason}\", but it did."
                : $"the answer stopped with \"{actual}\", not \"{arg.Reason}\"{(actual == "length" ? " — it was cut off: answer more briefly." : ".")}"
            : null);
    }
}
