using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Evolve.Cli.Serving;

/// <summary>
/// The sampling fields of a chat request that a served model passes on. They are part of what the
/// response cache keys on, so a peer asking for temperature 0 gets the answer Evolve's own calls at 0 get.
/// </summary>
internal static class SamplingRequest
{
    /// <summary>The options, or null and an error naming the first bad field.</summary>
    public static (ChatOptions? Options, OpenAiError? Error) Parse(JsonObject json)
    {
        var options = new ChatOptions();
        if (json["temperature"] is { } temperature)
        {
            if (temperature is not JsonValue tv || !tv.TryGetValue<double>(out var t) || t is < 0 or > 2)
            {
                return (null, OpenAiError.BadRequest("'temperature' must be a number from 0 to 2", "temperature"));
            }

            options.Temperature = (float)t;
        }

        foreach (var field in new[] { "max_completion_tokens", "max_tokens" })
        {
            if (json[field] is not { } node)
            {
                continue;
            }

            if (node is not JsonValue mv || !mv.TryGetValue<int>(out var max) || max < 1)
            {
                return (null, OpenAiError.BadRequest($"'{field}' must be a whole number of at least 1", field));
            }

            // max_completion_tokens is the newer name; when both are sent it wins.
            options.MaxOutputTokens ??= max;
        }

        return (options, null);
    }
}
