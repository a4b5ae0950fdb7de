using Evolve.Kernel.Prompts;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Providers.Sim;

/// <summary>
/// The simulator's tool use (ARCHITECTURE section 4, "Tools"): with run_python offered, a code
/// oracle and <c>self_test</c> on, it first calls run_python once with its (possibly wrong) code;
/// after seeing the result it answers, repairing a wrong answer with <see cref="RepairOdds"/>.
/// </summary>
internal static class SimSelfTest
{
    public const string ToolName = "run_python";

    /// <summary>Call ids start with this so the sim recognises the result of its own call.</summary>
    public const string CallIdPrefix = "sim-self-test-";

    /// <summary>Chance that seeing its code run lets the sim fix a wrong answer.</summary>
    public const double RepairOdds = 0.5;

    public static bool Applies(ChatOptions? options, SimOracle oracle, SimHeuristics heuristics) =>
        oracle.Kind == SimAnswerKind.Code
        && heuristics.SelfTest
        && options?.Tools?.Any(t => t.Name == ToolName) == true;

    /// <summary>True once the conversation holds the result of the sim's own test call.</summary>
    public static bool HasTested(IReadOnlyList<ChatMessage> messages) =>
        messages.Any(m => m.Contents.OfType<FunctionResultContent>().Any(r => r.CallId?.StartsWith(CallIdPrefix, StringComparison.Ordinal) == true));

    /// <summary>The single run_python call carrying the code of <paramref name="answer"/>.</summary>
    public static ChatMessage Call(SimAnswer answer)
    {
        var code = FencedBlock.First(answer.Text)?.Content ?? answer.Text;
        var call = new FunctionCallContent(
            CallIdPrefix + answer.Digest.ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            ToolName,
            new Dictionary<string, object?> { ["code"] = code });
        return new ChatMessage(ChatRole.Assistant, [new TextContent("Let me run the code before answering."), call]);
    }

    /// <summary>The final answer after testing: the same one, or the oracle when a seeded draw repairs a wrong one that is not irreducible.</summary>
    public static SimAnswer Final(SimAnswer answer, SimOracle oracle) =>
        answer.Correct || answer.Irreducible || StableHash.ToUnit(StableHash.Derive(answer.Digest, 13)) >= RepairOdds
            ? answer
            : answer with { Text = SimTaskResponder.Format(oracle.Kind, oracle.Reference, answer.Digest), Correct = true };
}
