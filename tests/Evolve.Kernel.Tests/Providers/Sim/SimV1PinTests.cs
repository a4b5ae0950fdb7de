using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Sim;

/// <summary>
/// Pins the simulator's first behaviour (profile v1) byte for byte: a fixed grid of cases, prompts,
/// heuristics and repeats is answered, and the digest of every reply, verdict and odds is compared
/// with the one recorded before v2 existed. Figures measured with v1 stay reproducible only while this holds.
/// </summary>
public sealed class SimV1PinTests
{
    private const string Uri = "sim?seed=3&profile=v1";

    private static readonly string[] Prompts =
    [
        SimRequests.GenericPrompt,
        SimRequests.GenericPrompt + " Always consider empty list, negative numbers, unicode and duplicates.",
        SimRequests.GenericPrompt + "\n" + string.Concat(Enumerable.Repeat("Be thorough and careful in every step. ", 90)),
    ];

    private static readonly Dictionary<string, object?>?[] Heuristics =
    [
        null,
        new() { ["self_test"] = true, ["plan_first"] = true },
        new() { ["temperature"] = 1.6 },
    ];

    private static readonly SimOracle[] Oracles =
    [
        new("pin-text", "the answer is forty two", SimAnswerKind.Text, ["empty", "list", "negative"], 0.3),
        new("pin-code", "def add(a, b):\n    if a < 0:\n        return b + a\n    return a + b\n", SimAnswerKind.Code, ["negative", "numbers"], 0.6),
        new("pin-json", "{\"name\": \"Ada\", \"age\": 36}", SimAnswerKind.Json, ["unicode", "duplicates"], 0.5),
        new("pin-number", "1234.5", SimAnswerKind.Number, ["rounding"], 0.9),
    ];

    private static SimChatClient Client()
    {
        var byId = Oracles.ToDictionary(o => o.CaseId, StringComparer.Ordinal);
        return new SimChatClient(SimSettings.From(ModelUri.Parse(Uri)), TimeProvider.System, (id, _) => byId.GetValueOrDefault(id));
    }

    [Fact]
    public async Task TaskAnswers_FixedGrid_MatchTheRecordedDigestAndVerdicts()
    {
        var client = Client();
        var record = new StringBuilder();
        var verdicts = new StringBuilder();
        foreach (var oracle in Oracles)
        {
            foreach (var prompt in Prompts)
            {
                foreach (var heuristics in Heuristics)
                {
                    for (var repeat = 0; repeat < 4; repeat++)
                    {
                        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.CaseId] = oracle.CaseId, [ModelRequestKeys.Repeat] = repeat } };
                        if (heuristics is not null)
                        {
                            options.AdditionalProperties[ModelRequestKeys.Heuristics] = heuristics;
                        }

                        var response = await client.GetResponseAsync(SimRequests.Messages(prompt), options, TestContext.Current.CancellationToken);
                        var correct = (bool)response.AdditionalProperties![ModelResponseKeys.SimCorrect]!;
                        var p = (double)response.AdditionalProperties[ModelResponseKeys.SimProbability]!;
                        record.Append(response.Text).Append('\u0001').Append(p.ToString("R", CultureInfo.InvariantCulture)).Append('\u0002');
                        verdicts.Append(correct ? '1' : '0');
                    }
                }
            }
        }

        // One line per oracle: prompts x heuristics x repeats, a 1 for a right answer.
        Assert.Equal(
            "100111111001111111110111100110001001" +
            "001100000010111111111011001000110011" +
            "001110000010111011101110001000100010" +
            "001010100010001010100010000000100000",
            verdicts.ToString());
        Assert.Equal("e00078416f6f33e8", Digest(record.ToString()));
    }

    [Fact]
    public async Task SelfTestRoundTrip_CodeCase_MatchesTheRecordedReplies()
    {
        var client = Client();
        var tool = AIFunctionFactory.Create((string code) => code, SimSelfTest.ToolName);
        var record = new StringBuilder();
        for (var repeat = 0; repeat < 12; repeat++)
        {
            var options = new ChatOptions
            {
                Tools = [tool],
                AdditionalProperties = new()
                {
                    [ModelRequestKeys.CaseId] = "pin-code",
                    [ModelRequestKeys.Repeat] = repeat,
                    [ModelRequestKeys.Heuristics] = new Dictionary<string, object?> { ["self_test"] = true },
                },
            };
            var messages = SimRequests.Messages(Prompts[0]).ToList();
            var call = await client.GetResponseAsync(messages, options, TestContext.Current.CancellationToken);
            var callContent = call.Messages[^1].Contents.OfType<FunctionCallContent>().Single();
            messages.AddRange(call.Messages);
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(callContent.CallId, "ran")]));
            var final = await client.GetResponseAsync(messages, options, TestContext.Current.CancellationToken);
            record.Append(callContent.CallId).Append('\u0001').Append(final.Text).Append('\u0001')
                .Append((bool)final.AdditionalProperties![ModelResponseKeys.SimCorrect]! ? '1' : '0').Append('\u0002');
        }

        Assert.Equal("ddae990f2d93092a", Digest(record.ToString()));
    }

    [Fact]
    public void Reflection_FixedPrompts_MatchTheRecordedReplies()
    {
        var reflector = new SimReflector(ModelUri.Parse(Uri).Seed);
        var record = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            var prompt = $"Improve the instruction below.\n\n```\nYou are a careful programmer.\nRule {i}.\nAnswer with one code block.\n```\n\n"
                + $"Record 1 (score 0): FAILED test_empty_list_{i % 3}\nHints: unicode; large input; case {i}\n";
            record.Append(reflector.Reflect(prompt)).Append('\u0002');
        }

        Assert.Equal("aec39295521d2e1c", Digest(record.ToString()));
    }

    [Theory]
    [InlineData(0.0, 0.0, 100, 0.55)]
    [InlineData(0.5, 0.5, 600, 0.625)]
    [InlineData(0.5, 1.0, 1000, 0.775)]
    [InlineData(0.8, 1.0, 3000, 0.37)]
    [InlineData(0.2, 0.75, 100_000, 0.455)]
    public void Odds_FixedPoints_MatchTheRecordedValues(double difficulty, double coverage, int tokens, double expected)
    {
        Assert.Equal(expected, SimOdds.Of(difficulty, coverage, SimHeuristics.None, null, tokens), 12);
    }

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
