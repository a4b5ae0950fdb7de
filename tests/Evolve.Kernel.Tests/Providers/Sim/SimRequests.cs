using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Sim;

/// <summary>Builds task and reflection requests the way the evaluator and the optimizer will.</summary>
internal static class SimRequests
{
    public const string GenericPrompt = "You are a helpful assistant. Solve the user's task carefully and answer concisely.";

    public static SimChatClient Client(int seed = 0, double? competence = null, TimeProvider? time = null) =>
        new(new SimSettings(seed, TimeSpan.Zero, TimeSpan.Zero, competence), time ?? TimeProvider.System);

    public static ChatMessage[] Messages(string system, string user = "Solve the task.") =>
        [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)];

    public static ChatOptions Options(SimOracle oracle, int repeat = 0, IReadOnlyDictionary<string, object?>? heuristics = null)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.Oracle] = oracle, [ModelRequestKeys.Repeat] = repeat } };
        if (heuristics is not null)
        {
            options.AdditionalProperties[ModelRequestKeys.Heuristics] = heuristics;
        }

        return options;
    }

    public static SimOracle TextOracle(int i, double difficulty = 0.5, params string[] cues) =>
        new($"case-{i:D3}", $"answer number {i} is final", SimAnswerKind.Text, cues, difficulty);

    public static async Task<string> AskAsync(IChatClient client, string system, ChatOptions options) =>
        (await client.GetResponseAsync(Messages(system), options)).Text;
}
