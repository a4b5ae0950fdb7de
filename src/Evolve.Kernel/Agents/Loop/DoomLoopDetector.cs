using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Loop;

/// <summary>Spots the same tool call (name and arguments) repeated back to back.</summary>
internal sealed class DoomLoopDetector(int repeats)
{
    private string? _last;
    private int _count;

    /// <summary>Records a call; true when it makes <c>repeats</c> identical calls in a row.</summary>
    public bool Observe(FunctionCallContent call)
    {
        var key = Key(call);
        _count = key == _last ? _count + 1 : 1;
        _last = key;
        return _count >= repeats;
    }

    // Keys sorted so {"a":1,"b":2} and {"b":2,"a":1} count as the same call.
    private static string Key(FunctionCallContent call)
    {
        var args = call.Arguments is null
            ? "{}"
            : JsonSerializer.Serialize(call.Arguments.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value?.ToString() }));
        return call.Name + "\n" + args;
    }
}
