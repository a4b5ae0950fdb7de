using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>contains-json</c>: the answer contains a JSON object or array somewhere (the first one found
/// is checked). The optional value is a JSON Schema it must match; each violation is named with
/// its path in the feedback.
/// </summary>
internal sealed class ContainsJsonEvaluator() : SyncAssertionEvaluator<OptionalSchema>("contains-json")
{
    /// <inheritdoc/>
    protected override OptionalSchema Parse(AssertionSpec spec) => OptionalSchema.From(spec.Value);

    /// <inheritdoc/>
    protected override AssertionCheck Check(OptionalSchema arg, AssertionContext context, string output)
    {
        var json = JsonLocator.FindFirst(output);
        string? problem = json is null
            ? $"found no complete JSON object or array in the answer {FeedbackText.Quote(output)} — include the JSON, complete and well-formed."
            : null;

        if (json is not null && arg.Schema is { } schema)
        {
            var violations = SchemaCheck.Violations(schema, json);
            if (violations.Count > 0)
            {
                problem = $"the JSON {FeedbackText.Quote(json, 120)} does not match the schema: {string.Join("; ", violations)} — fix these fields.";
            }
        }

        var passed = problem is null;
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        return AssertionCheck.Binary(passed, passed
            ? $"the answer must not contain {(arg.Schema is null ? "JSON" : "JSON matching the schema")}, but it contains {FeedbackText.Quote(json, 120)} — leave it out."
            : problem);
    }
}
