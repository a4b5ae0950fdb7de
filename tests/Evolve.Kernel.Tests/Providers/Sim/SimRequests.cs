using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Sim;

/// <summary>Builds task and reflection requests the way the evaluator and the optimizer will.</summary>
internal static class SimRequests
{
    public const string GenericPrompt = "You are a helpful assistant. Solve the user's task carefully and answer concisely.";

    // Tests make oracles ad hoc; each instance gets its own request id, so two oracles of one case never meet in the lookup.
    private static readonly ConditionalWeakTable<SimOracle, string> Ids = [];
    private static readonly ConcurrentDictionary<string, SimOracle> Registered = new(StringComparer.Ordinal);
    private static int _next;

    /// <summary>The lookup of every oracle passed to <see cref="Options"/>, as the evaluator builds one from a suite.</summary>
    public static SimOracleLookup Oracles { get; } = (caseId, _) => Registered.TryGetValue(caseId, out var oracle) ? oracle : null;

    public static SimChatClient Client(int seed = 0, double? competence = null, TimeProvider? time = null, SimProfile profile = SimProfiles.Default) =>
        new(new SimSettings(seed, TimeSpan.Zero, TimeSpan.Zero, competence, profile), time ?? TimeProvider.System, Oracles);

    public static ChatMessage[] Messages(string system, string user = "Solve the task.") =>
        [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)];

    /// <summary>Options naming <paramref name="oracle"/>'s case, as the evaluator sends them: the id only, never the oracle.</summary>
    public static ChatOptions Options(SimOracle oracle, int repeat = 0, IReadOnlyDictionary<string, object?>? heuristics = null)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.CaseId] = Register(oracle), [ModelRequestKeys.Repeat] = repeat } };
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

    private static string Register(SimOracle oracle)
    {
        var id = Ids.GetValue(oracle, o => $"{o.CaseId}#{Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture)}");
        Registered.TryAdd(id, oracle);
        return id;
    }
}
