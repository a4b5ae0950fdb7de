using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Tests.Providers.Sim;

public sealed class SimOddsTests
{
    private static readonly string[] Vocabulary =
    [
        "empty_list", "negative numbers", "unicode", "large-input", "duplicates", "whitespace",
        "zero", "sorted order", "overflow", "none value", "single element", "case sensitivity",
    ];

    private static SimOracle CaseFor(int i) => SimRequests.TextOracle(
        i, 0.5, Vocabulary[i % Vocabulary.Length], Vocabulary[(i * 7 + 3) % Vocabulary.Length], Vocabulary[(i * 5 + 1) % Vocabulary.Length]);

    private static async Task<double> RightRateAsync(string system, IReadOnlyDictionary<string, object?>? heuristics = null, int seed = 0, SimProfile profile = SimProfiles.Default)
    {
        var client = SimRequests.Client(seed, profile: profile);
        var right = 0;
        for (var i = 0; i < 200; i++)
        {
            var oracle = CaseFor(i);
            right += await SimRequests.AskAsync(client, system, SimRequests.Options(oracle, 0, heuristics)) == oracle.Reference ? 1 : 0;
        }

        return right / 200.0;
    }

    private static string CoveringPrompt =>
        SimRequests.GenericPrompt + " Always consider: " + string.Join(", ", Vocabulary.Select(c => c.Replace('_', ' ').Replace('-', ' '))) + ".";

    [Fact]
    public async Task RightRate_PromptCoveringTheCues_IsClearlyHigherThanAGenericPrompt()
    {
        // The ranges are v1's calibration (ARCHITECTURE section 4); v2's lower ceiling is SimV2Tests' business.
        var generic = await RightRateAsync(SimRequests.GenericPrompt, profile: SimProfile.V1);
        var covering = await RightRateAsync(CoveringPrompt, profile: SimProfile.V1);

        Assert.InRange(generic, 0.25, 0.5);
        Assert.InRange(covering, 0.78, 0.95);
        Assert.True(covering - generic > 0.3, $"covering {covering} vs generic {generic}");
    }

    [Fact]
    public async Task RightRate_PromptFarOverTheTokenBudget_DropsBelowTheConcisePrompt()
    {
        var padded = CoveringPrompt + "\n" + string.Concat(Enumerable.Repeat("Remember to be thorough and careful in every step. ", 120));

        var concise = await RightRateAsync(CoveringPrompt);
        var bloated = await RightRateAsync(padded);

        Assert.True(concise - bloated > 0.1, $"concise {concise} vs bloated {bloated}");
    }

    [Fact]
    public async Task Probability_SelfTestAndPlanFirst_AddTheirBonusesAndHotTemperatureSubtracts()
    {
        var client = SimRequests.Client();
        var oracle = CaseFor(0);
        async Task<double> PAsync(Dictionary<string, object?>? heuristics)
        {
            var response = await client.GetResponseAsync(SimRequests.Messages(SimRequests.GenericPrompt), SimRequests.Options(oracle, 0, heuristics));
            return (double)response.AdditionalProperties![ModelResponseKeys.SimProbability]!;
        }

        var plain = await PAsync(null);
        Assert.Equal(plain + 0.05, await PAsync(new() { ["self_test"] = true }), 9);
        Assert.Equal(plain + 0.08, await PAsync(new() { ["self_test"] = "true", ["plan_first"] = true }), 9);
        Assert.Equal(plain - 0.05, await PAsync(new() { ["temperature"] = 1.5 }), 9);
        Assert.Equal(plain, await PAsync(new() { ["max_steps"] = 8 }), 9);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.55)]
    [InlineData(0.5, 0.0, 0.375)]
    [InlineData(0.5, 1.0, 0.875)]
    [InlineData(1.0, 0.5, 0.45)]
    [InlineData(0.0, 1.0, 0.98)]
    public void Of_DifficultyAndCoverage_FollowTheDocumentedFormula(double difficulty, double coverage, double expected)
    {
        Assert.Equal(expected, SimOdds.Of(difficulty, coverage, SimHeuristics.None, null, 100), 9);
    }

    [Fact]
    public void Of_LengthPenalty_GrowsPastTheBudgetAndIsCapped()
    {
        Assert.Equal(0.375, SimOdds.Of(0.5, 0, SimHeuristics.None, null, 600), 9);
        Assert.Equal(0.275, SimOdds.Of(0.5, 0, SimHeuristics.None, null, 1000), 9);
        Assert.Equal(0.475, SimOdds.Of(0.5, 1, SimHeuristics.None, null, 100_000), 9);
        Assert.Equal(0.02, SimOdds.Of(1, 0, SimHeuristics.None, 3.0, 100_000), 9);
    }
}
