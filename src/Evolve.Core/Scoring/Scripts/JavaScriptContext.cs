using System.Runtime.CompilerServices;
using System.Text.Json;
using Evolve.Core.Suites;

namespace Evolve.Core.Scoring.Scripts;

/// <summary>
/// What promptfoo hands a script about its test (<c>context.vars</c>, <c>context.test</c>), as JSON.
/// Built once per case, not per rollout: a case is scored hundreds of times against one answer
/// shape. The rendered prompt is not known to scoring yet.
/// </summary>
internal static class JavaScriptContext
{
    private static readonly ConditionalWeakTable<EvalCase, string> Built = [];

    public static string Of(EvalCase evalCase) => Built.GetValue(evalCase, static c => JsonSerializer.Serialize(new Dictionary<string, object?>
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
