using System.Text.Json;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using Evolve.Kernel.Prompts;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>is-json</c>: the whole answer is a JSON object or array (a lone <c>```json</c> fenced block
/// is accepted). The optional value is a JSON Schema the document must match.
/// </summary>
internal sealed class IsJsonEvaluator() : SyncAssertionEvaluator<OptionalSchema>("is-json")
{
    /// <inheritdoc/>
    protected override OptionalSchema Parse(AssertionSpec spec) => OptionalSchema.From(spec.Value);

    /// <inheritdoc/>
    protected override AssertionCheck Check(OptionalSchema arg, AssertionContext context, string output)
    {
        var body = FencedBlock.Whole(output) ?? output;
        string? problem;
        using (var document = JsonLocator.TryParseWhole(body, out var error))
        {
            problem = document is null
                ? $"the answer is not valid JSON ({error}). The answer was {FeedbackText.Quote(output)} — answer with one JSON object or array only, no prose around it."
                : document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
                    ? $"expected a JSON object or array but the answer is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}: {FeedbackText.Quote(output)}."
                    : null;
        }

        if (problem is null && arg.Schema is { } schema)
        {
            var violations = SchemaCheck.Violations(schema, body);
            if (violations.Count > 0)
            {
                problem = $"the JSON does not match the schema: {string.Join("; ", violations)} — fix these fields.";
            }
        }

        var passed = problem is null;
        if (!Explains(context.Spec, passed))
        {
            return AssertionCheck.Binary(passed, null);
        }

        return AssertionCheck.Binary(passed, passed
            ? (arg.Schema is null ? "the answer must not be JSON, but it is — answer in prose." : "the answer must not be JSON matching the schema, but it is.")
            : problem);
    }
}
