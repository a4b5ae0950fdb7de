using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers;

/// <summary>
/// Token counts for providers that do not report them (sim, echo): about four characters per token,
/// the usual rule of thumb for English text and code.
/// </summary>
public static class TokenEstimator
{
    /// <summary>Estimated tokens in <paramref name="text"/>: characters / 4, rounded up.</summary>
    public static int Estimate(string? text) => text is null ? 0 : (text.Length + 3) / 4;

    /// <summary>Estimated tokens over the text of every message.</summary>
    public static int Estimate(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var chars = 0;
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is TextContent text)
                {
                    chars += text.Text.Length;
                }
            }
        }

        return (chars + 3) / 4;
    }
}
