using System.Text.Json;
using Evolve.Kernel.Agents.Safety;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Tools;

/// <summary>
/// A tool behind the safety guard: every call is checked against the agent's allow/ask/deny rules
/// (subject: the call's arguments as JSON) before it runs. A refusal becomes the tool's result, so
/// the model reads why and the session goes on; nothing runs.
/// </summary>
internal sealed class GuardedTool(AIFunction inner, SafetyGuard guard) : DelegatingAIFunction(inner)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var subject = JsonSerializer.Serialize(arguments.ToDictionary(a => a.Key, a => a.Value?.ToString()));
        var decision = await guard.CheckAsync(Name, subject, cancellationToken).ConfigureAwait(false);
        return decision.Allowed
            ? await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false)
            : $"refused by the safety guard: {decision.Reason}";
    }
}
