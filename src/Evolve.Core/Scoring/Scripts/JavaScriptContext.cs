using System.Runtime.CompilerServices;
using System.Text.Json;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// What promptfoo hands a script about its test (<c>context.vars</c>, <c>context.test</c>,
/// <c>context.prompt</c>), as JSON. The case's part is built once per case, not per rollout: a case
/// is scored hundreds of times; the prompt, which differs per candidate, is appended to it.
/// </summary>
internal static class JavaScriptContext
{
    private static readonly ConditionalWeakTable<EvalCase, string> Built = [];

    /// <summary>The context for <paramref name="evalCase"/> answered from <paramref name="prompt"/> (null when unknown).</summary>
    public static string Of(EvalCase evalCase, string? prompt)
    {
        var json = Of(evalCase);
        return prompt is null ? json : string.Concat(json.AsSpan(0, json.Length - 1), ",\"prompt\":", JsonSerializer.Serialize(prompt), "}");
    }

    private static string Of(EvalCase evalCase) => Built.GetValue(evalCase, static c => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["vars"] = c.Vars,
        ["test"] = new Dictionary<string, object?>
        {
            ["vars"] = c.Vars,
            ["description"] = c.Description,
            ["metadata"] = c.Metadata,
        },
    }));
}
