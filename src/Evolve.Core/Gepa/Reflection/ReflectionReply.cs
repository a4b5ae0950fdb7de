using Evolve.Kernel.Prompts;
using Microsoft.Extensions.AI;

namespace Evolve.Core.Gepa.Reflection;

/// <summary>
/// Reads a reflection model's reply. A truncated reply is never adopted (GEPA adopts it silently
/// and the cut-off text becomes the new prompt): a reply stopped by the token limit, or whose fence
/// is not closed, is a problem, not a proposal.
/// </summary>
public static class ReflectionReply
{
    /// <summary>
    /// The text between the first pair of fences (three or more backticks, the opening one optionally
    /// followed by a language tag). A fenced block with a language tag inside it (for example a
    /// <c>```python</c> example in a prompt) is kept as part of the text, not taken as the end.
    /// </summary>
    /// <param name="reply">The reply's text.</param>
    /// <param name="finishReason">Why the model stopped; <see cref="ChatFinishReason.Length"/> means cut off.</param>
    public static ReflectionOutcome Parse(string reply, ChatFinishReason? finishReason)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (finishReason == ChatFinishReason.Length)
        {
            return Problem("the reply was cut off by the output token limit, so its text may be incomplete");
        }

        var lines = reply.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var open = Array.FindIndex(lines, l => FenceLine.Read(l) is { CanOpen: true });
        if (open < 0)
        {
            return Problem("the reply has no fenced block with the new text");
        }

        var ticks = FenceLine.Read(lines[open])!.Value.Ticks;
        var nested = 0;
        for (var i = open + 1; i < lines.Length; i++)
        {
            if (FenceLine.Read(lines[i]) is not { CanOpen: true } fence)
            {
                continue;
            }

            if (fence.Info.Length > 0)
            {
                nested++;
            }
            else if (nested > 0)
            {
                nested--;
            }
            else if (fence.Closes(ticks))
            {
                var text = string.Join('\n', lines[(open + 1)..i]);
                return string.IsNullOrWhiteSpace(text)
                    ? Problem("the reply's fenced block is empty")
                    : new ReflectionOutcome(text, null);
            }
        }

        return Problem("the reply's fenced block is never closed, so the reply looks truncated");
    }

    private static ReflectionOutcome Problem(string problem) => new(null, problem);
}
