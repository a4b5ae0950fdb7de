using System.Text.Json;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Agents.Loop;

/// <summary>
/// The ReAct loop: call the model with the offered tools, run the tool calls it makes, append the
/// results, repeat until it answers without calling a tool, the step limit is reached, or it repeats
/// one call (doom loop). Our own loop rather than FunctionInvokingChatClient so the step limit, the
/// doom check and the trace are exactly ours.
/// </summary>
internal static class ReactLoop
{
    public static async Task<AgentTurn> RunAsync(
        IChatClient client,
        List<ChatMessage> messages,
        ChatOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var maxSteps = StepLimit.From(options);
        var doom = new DoomLoopDetector(LoopDefaults.DoomRepeats);
        var usage = new UsageDetails();
        bool anyUsage = false, allCached = true;
        string? output = null;
        ChatFinishReason? finish = null;
        IReadOnlyList<double>? logProbs = null;
        for (var step = 1; output is null; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            allCached &= response.AdditionalProperties?.TryGetValue(ModelResponseKeys.CacheHit, out var hit) == true && hit is true;
            if (response.Usage is { } u)
            {
                usage.Add(u);
                anyUsage = true;
            }

            finish = response.FinishReason;
            messages.AddRange(response.Messages);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
            {
                output = response.Text;
                logProbs = ModelResponse.LogProbs(response);
            }
            else if (step >= maxSteps)
            {
                output = Stop(messages, $"Stopped: the step limit ({maxSteps} model calls) was reached before a final answer.");
            }
            else
            {
                output = await InvokeAsync(calls, options, messages, doom, cancellationToken).ConfigureAwait(false);
            }
        }

        return new AgentTurn(output, messages, anyUsage ? usage : null, time.GetElapsedTime(started), allCached) { FinishReason = finish, LogProbs = logProbs };
    }

    /// <summary>Runs the calls in order, appending one tool message each; returns a stop text on a doom loop, else null.</summary>
    private static async Task<string?> InvokeAsync(
        List<FunctionCallContent> calls, ChatOptions options, List<ChatMessage> messages, DoomLoopDetector doom, CancellationToken cancellationToken)
    {
        foreach (var call in calls)
        {
            if (doom.Observe(call))
            {
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "not run: repeated call")]));
                return Stop(messages, $"Stopped: the tool call '{call.Name}' was repeated {LoopDefaults.DoomRepeats} times in a row with the same arguments (doom loop).");
            }

            var result = await InvokeOneAsync(call, options, cancellationToken).ConfigureAwait(false);
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
        }

        return null;
    }

    private static async Task<string> InvokeOneAsync(FunctionCallContent call, ChatOptions options, CancellationToken cancellationToken)
    {
        var tool = options.Tools?.OfType<AIFunction>().FirstOrDefault(t => t.Name == call.Name);
        if (tool is null)
        {
            return $"error: no tool named '{call.Name}' is offered";
        }

        try
        {
            var value = await tool.InvokeAsync(new AIFunctionArguments(call.Arguments), cancellationToken).ConfigureAwait(false);
            return Tools.ToolText.Truncate(Text(value));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing tool is the model's feedback, not the session's end: it may retry differently.
            return $"error: {call.Name} failed: {ex.Message}";
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        JsonElement e => e.GetRawText(),
        _ => value.ToString() ?? "",
    };

    private static string Stop(List<ChatMessage> messages, string text)
    {
        messages.Add(new ChatMessage(ChatRole.Assistant, text));
        return text;
    }
}
