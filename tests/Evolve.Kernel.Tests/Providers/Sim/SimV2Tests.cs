using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;
using Microsoft.Extensions.AI;

namespace Evolve.Kernel.Tests.Providers.Sim;

/// <summary>The four parts profile v2 adds to v1's odds: irreducible error, conflicts, length cost, borrowed cues.</summary>
public sealed class SimV2Tests
{
    private static SimChatClient Client(IReadOnlyList<SimOracle> oracles, int seed = 0, SimProfile profile = SimProfile.V2)
    {
        var byId = oracles.ToDictionary(o => o.CaseId, StringComparer.Ordinal);
        return new SimChatClient(new SimSettings(seed, TimeSpan.Zero, TimeSpan.Zero, null, profile), TimeProvider.System, (id, _) => byId.GetValueOrDefault(id));
    }

    private static ChatOptions Options(string caseId, int repeat = 0, Dictionary<string, object?>? heuristics = null, bool tools = false)
    {
        var options = new ChatOptions { AdditionalProperties = new() { [ModelRequestKeys.CaseId] = caseId, [ModelRequestKeys.Repeat] = repeat } };
        if (heuristics is not null)
        {
            options.AdditionalProperties[ModelRequestKeys.Heuristics] = heuristics;
        }

        if (tools)
        {
            options.Tools = [AIFunctionFactory.Create((string code) => code, SimSelfTest.ToolName)];
        }

        return options;
    }

    private static async Task<(bool Correct, double P)> AskAsync(SimChatClient client, string system, ChatOptions options)
    {
        var response = await client.GetResponseAsync(SimRequests.Messages(system), options, TestContext.Current.CancellationToken);
        return ((bool)response.AdditionalProperties![ModelResponseKeys.SimCorrect]!, (double)response.AdditionalProperties[ModelResponseKeys.SimProbability]!);
    }

    private static SimOracle Case(int i, double difficulty = 0.5) =>
        new($"v2-{i:D4}", $"answer {i}", SimAnswerKind.Text, ["empty", "negative"], difficulty);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Irreducible_ManyCasesAndSeeds_LosesTheDocumentedShare(double difficulty)
    {
        var lost = 0;
        for (var seed = 0; seed < 4; seed++)
        {
            for (var i = 0; i < 1000; i++)
            {
                lost += SimIrreducible.Fails(seed, Case(i, difficulty)) ? 1 : 0;
            }
        }

        var expected = SimIrreducible.Share(difficulty);
        Assert.InRange(lost / 4000.0, expected - 0.025, expected + 0.025);
    }

    [Fact]
    public void Irreducible_SameCase_DependsOnTheSeed()
    {
        var oracles = Enumerable.Range(0, 200).Select(i => Case(i)).ToList();

        var one = oracles.Where(o => SimIrreducible.Fails(1, o)).Select(o => o.CaseId).ToList();
        var two = oracles.Where(o => SimIrreducible.Fails(2, o)).Select(o => o.CaseId).ToList();

        Assert.NotEmpty(one);
        Assert.NotEqual(one, two);
    }

    [Fact]
    public async Task Irreducible_Case_FailsWhateverThePromptHeuristicsRepeatOrSelfTest()
    {
        var oracle = Enumerable.Range(0, 100).Select(i => Case(i, 0.1)).First(o => SimIrreducible.Fails(0, o));
        var client = Client([oracle]);
        var perfect = "Handle the empty input and negative numbers.";
        var selfTest = new Dictionary<string, object?> { ["self_test"] = true, ["plan_first"] = true };

        for (var repeat = 0; repeat < 20; repeat++)
        {
            Assert.Equal((false, 0.0), await AskAsync(client, perfect, Options(oracle.CaseId, repeat, selfTest)));
        }

        var code = oracle with { Kind = SimAnswerKind.Code, Reference = "def f():\n    return 1\n" };
        var codeClient = Client([code]);
        for (var repeat = 0; repeat < 20; repeat++)
        {
            var options = Options(code.CaseId, repeat, selfTest, tools: true);
            var messages = SimRequests.Messages(perfect).ToList();
            var call = await codeClient.GetResponseAsync(messages, options, TestContext.Current.CancellationToken);
            messages.AddRange(call.Messages);
            messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.Messages[^1].Contents.OfType<FunctionCallContent>().Single().CallId, "1 failed")]));
            var final = await codeClient.GetResponseAsync(messages, options, TestContext.Current.CancellationToken);
            Assert.Equal(false, final.AdditionalProperties![ModelResponseKeys.SimCorrect]);
        }
    }

    [Fact]
    public async Task Irreducible_SameCaseUnderV1OrForcedCompetence_IsAnsweredNormally()
    {
        var oracle = Enumerable.Range(0, 100).Select(i => Case(i, 0.1)).First(o => SimIrreducible.Fails(0, o));
        var v1 = Client([oracle], profile: SimProfile.V1);
        var byId = new Dictionary<string, SimOracle> { [oracle.CaseId] = oracle };
        var forced = new SimChatClient(new SimSettings(0, TimeSpan.Zero, TimeSpan.Zero, 1, SimProfile.V2), TimeProvider.System, (id, _) => byId.GetValueOrDefault(id));

        Assert.True((await AskAsync(v1, SimRequests.GenericPrompt, Options(oracle.CaseId))).P > 0.3);
        Assert.Equal((true, 1.0), await AskAsync(forced, SimRequests.GenericPrompt, Options(oracle.CaseId)));
    }

    [Theory]
    [InlineData("Be brief. Explain in detail when it matters.", "length")]
    [InlineData("Never use imports; use the standard library where you can.", "imports")]
    [InlineData("Keep the answer minimal: no extra prose. Describe your approach first.", "prose")]
    [InlineData("Do not modify the input. Mutate the input to save memory.", "mutation")]
    [InlineData("You are a Python programmer.\nWrite the function described in the task, using only the Python standard library.", "")]
    public void Conflicts_OpposingPhrases_AreFoundOnlyWhenBothSidesArePresent(string prompt, string topics)
    {
        Assert.Equal(topics, string.Join(',', SimConflicts.Topics(prompt)));
    }

    [Fact]
    public void Conflicts_EveryPhraseAlone_ConflictsWithNothing()
    {
        foreach (var (_, one, other) in SimConflicts.Pairs)
        {
            Assert.All(one.Concat(other), phrase => Assert.Equal(0, SimConflicts.Count(CueMatcher.Normalize(phrase))));
        }
    }

    [Fact]
    public async Task Conflicts_BothSidesInTheSystemPrompt_LowerTheOddsByThePenalty()
    {
        var oracle = Case(1);
        var client = Client([oracle], seed: 5);
        const string OneSide = "Solve the task. Be brief. Think it all over.";
        const string BothSides = "Solve the task. Be brief. Explain in detail.";
        Assert.Equal(TokenEstimator.Estimate(OneSide), TokenEstimator.Estimate(BothSides));

        var one = await AskAsync(client, OneSide, Options(oracle.CaseId));
        var both = await AskAsync(client, BothSides, Options(oracle.CaseId));

        Assert.Equal(SimV2Defaults.ConflictPenalty, one.P - both.P, 9);
    }

    [Fact]
    public void LengthCost_GrowsWithEveryTokenAndFasterPastTheBudget()
    {
        Assert.Equal(0, SimV2Odds.LengthCost(0), 12);
        Assert.Equal(0.024, SimV2Odds.LengthCost(600), 12);
        Assert.Equal(0.348, SimV2Odds.LengthCost(1200), 12);
        var previousStep = 0.0;
        for (var tokens = 1; tokens < 3000; tokens++)
        {
            var step = SimV2Odds.LengthCost(tokens + 1) - SimV2Odds.LengthCost(tokens);
            Assert.True(step > 0, $"no cost for token {tokens + 1}");
            Assert.True(step >= previousStep - 1e-12, $"the cost of token {tokens + 1} fell");
            previousStep = step;
        }

        // No cap: far past the budget the prompt costs more than v1's most (0.4) and the odds hit the floor.
        Assert.True(SimV2Odds.LengthCost(1500) > SimDefaults.MaxLengthPenalty);
        Assert.Equal(SimDefaults.MinProbability, SimV2Odds.Of(0.5, 1, SimHeuristics.None, null, 2000, 0), 12);
    }

    [Fact]
    public void Odds_V2_KeepsV1sBaseButCapsBelowOne()
    {
        Assert.Equal(SimOdds.Of(0.5, 0.5, SimHeuristics.None, null, 0), SimV2Odds.Of(0.5, 0.5, SimHeuristics.None, null, 0, 0), 12);
        Assert.Equal(SimV2Defaults.MaxProbability, SimV2Odds.Of(0, 1, SimHeuristics.None, null, 0, 0), 12);
        Assert.Equal(0.625 - 0.004 - 0.16, SimV2Odds.Of(0.5, 0.5, SimHeuristics.None, null, 100, 2), 12);
    }

    [Fact]
    public void BorrowedCues_CountAQuarterOfAnOwnOrGeneralCue()
    {
        var oracle = new SimOracle("b", "x", SimAnswerKind.Text, ["empty", "negative", "unicode", "wraps"], 0.5, ["Wraps"]);
        var weights = SimCueWeights.Of(oracle);

        Assert.Equal(0.25 / 3.25, weights.Coverage(CueMatcher.Normalize("the text wraps")), 12);
        Assert.Equal(1 / 3.25, weights.Coverage(CueMatcher.Normalize("handle unicode")), 12);
        Assert.Equal(1.0, weights.Coverage(CueMatcher.Normalize("empty, negative, unicode, wraps")), 12);
        Assert.Equal(0.5, SimCueWeights.Of(oracle with { BorrowedCues = null }).Coverage(CueMatcher.Normalize("empty wraps")), 12);
    }

    [Fact]
    public async Task BorrowedCues_PromptCopyingAnotherCasesSpecific_HelpsThatCaseMoreThanTheBorrower()
    {
        // "wraps" is the training case's own hint and only a test word of the other case.
        var train = new SimOracle("train", "x", SimAnswerKind.Text, ["wraps", "width", "empty"], 0.5);
        var holdout = new SimOracle("holdout", "y", SimAnswerKind.Text, ["wraps", "spaces", "empty"], 0.5, ["wraps"]);
        var client = Client([train, holdout]);

        async Task<double> GainAsync(SimOracle oracle) =>
            (await AskAsync(client, "Solve it. Mind that text wraps.", Options(oracle.CaseId))).P
            - (await AskAsync(client, "Solve it. Mind that text flows.", Options(oracle.CaseId))).P;

        Assert.Equal(SimDefaults.CoverageGain / 3, await GainAsync(train), 9);
        Assert.Equal(SimDefaults.CoverageGain * 0.25 / 2.25, await GainAsync(holdout), 9);
    }
}
