using System.Collections.Concurrent;
using Evolve.Core.Scoring.Text;
using Evolve.Core.Suites;
using NJsonSchema;

namespace Evolve.Core.Scoring.Assertions;

/// <summary>
/// <c>is-valid-openai-tools-call</c>, <c>is-valid-openai-function-call</c> and
/// <c>is-valid-function-call</c>: the agent made at least one tool call, and every call names a
/// tool it was offered with arguments valid under that tool's JSON Schema. Evolve's agents run
/// their tool calls, so the calls checked are those of the session's trace (promptfoo checks a raw
/// model reply against the provider's tool list; here the list is the agent's tools). No value.
/// </summary>
internal sealed class ToolCallValidityEvaluator(string type) : SyncAssertionEvaluator<ToolCallValidityEvaluator.NoArgument>(type)
{
    internal sealed record NoArgument;

    private static readonly NoArgument None = new();

    // Tool schemas are the same for every rollout of an agent: parse each once.
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    protected override NoArgument Parse(AssertionSpec spec) => None;

    /// <inheritdoc/>
    protected override AssertionCheck Check(NoArgument arg, AssertionContext context, string output)
    {
        var answer = context.Answer;
        string? problem = answer.ToolCalls.Count == 0 ? "the agent made no tool call" : null;
        foreach (var call in answer.ToolCalls)
        {
            if (problem is not null)
            {
                break;
            }

            if (!answer.OfferedTools.TryGetValue(call.Name, out var schemaJson))
            {
                problem = $"it called \"{call.Name}\", which is not one of its tools ({FeedbackText.QuoteList([.. answer.OfferedTools.Keys.Order(StringComparer.Ordinal)])})";
                continue;
            }

            var violations = SchemaCheck.Violations(_schemas.GetOrAdd(schemaJson, SchemaCheck.Load), call.ArgumentsJson);
            if (violations.Count > 0)
            {
                problem = $"its call of \"{call.Name}\" has invalid arguments {FeedbackText.Quote(call.ArgumentsJson)}: {string.Join("; ", violations)}";
            }
        }

        var passed = problem is null;
        return AssertionCheck.Binary(passed, Explains(context.Spec, passed)
            ? passed ? "every tool call is valid, but the assertion says it must not be." : problem + "."
            : null);
    }
}
