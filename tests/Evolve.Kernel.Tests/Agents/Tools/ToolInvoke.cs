using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Agents.Tools;

/// <summary>Invokes a tool the way the loop does and reads its text result.</summary>
internal static class ToolInvoke
{
    public static async Task<string> TextAsync(AITool tool, params (string Name, object? Value)[] args)
    {
        var arguments = new AIFunctionArguments();
        foreach (var (name, value) in args)
        {
            arguments[name] = value;
        }

        var result = await ((AIFunction)tool).InvokeAsync(arguments, TestContext.Current.CancellationToken);
        return result switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
            JsonElement e => e.GetRawText(),
            _ => result?.ToString() ?? "",
        };
    }
}
