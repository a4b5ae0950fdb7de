using Evolve.Core.Scoring;
using Evolve.Kernel.Providers;
using Microsoft.Extensions.AI;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Judges;

/// <summary>Each judge kind against a scripted judge: what it is sent and how its reply is read.</summary>
public sealed class JudgeEvaluatorTests
{
    private static ScoringServices Judge(string reply, ScriptedChatClient? client = null) =>
        new() { Judge = client ?? new ScriptedChatClient((_, _) => reply) };

    [Fact]
    public async Task LlmRubric_JudgeFails_ScoresItsScoreAndFeedsBackItsReason()
    {
        var (score, _) = await EvaluateAsync(Spec("llm-rubric", "is polite"), "go away", services: Judge("{\"reason\": \"it is curt\", \"pass\": false, \"score\": 0.2}"));

        Assert.False(score.Pass);
        Assert.Equal(0.2, score.Value, 6);
        Assert.Contains("it is curt", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LlmRubric_Threshold_AlsoNeedsTheScore()
    {
        var services = Judge("{\"reason\": \"fine\", \"pass\": true, \"score\": 0.6}");

        var (loose, _) = await EvaluateAsync(Spec("llm-rubric", "is polite"), "hello", services: services);
        var (strict, _) = await EvaluateAsync(Spec("llm-rubric", "is polite", threshold: 0.8), "hello", services: services);

        Assert.True(loose.Pass);
        Assert.False(strict.Pass);
    }

    [Fact]
    public async Task Judge_IsSentTheRubricAndAnswerWithItsStructuredRequest()
    {
        var client = new ScriptedChatClient((_, _) => "{\"pass\": true}");

        await EvaluateAsync(Spec("llm-rubric", "names Paris"), "Paris it is", services: Judge("", client));

        var call = Assert.Single(client.Received);
        var user = call.Messages[^1].Text;
        Assert.Contains("names Paris", user, StringComparison.Ordinal);
        Assert.Contains("<answer>\nParis it is\n</answer>", user, StringComparison.Ordinal);
        Assert.Equal(0f, call.Options!.Temperature);
        Assert.Equal(new JudgeRequest("llm-rubric", "names Paris", "Paris it is"), call.Options.AdditionalProperties![ModelRequestKeys.Judge]);
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("C", true)]
    [InlineData("E", true)]
    [InlineData("D", false)]
    public async Task Factuality_ChoiceDecides(string choice, bool pass)
    {
        var (score, _) = await EvaluateAsync(Spec("factuality", "Paris is the capital"), "Paris", services: Judge($"{{\"reason\": \"r\", \"choice\": \"{choice}\"}}"));

        Assert.Equal((pass, pass ? 1.0 : 0.0), (score.Pass, score.Value));
    }

    [Fact]
    public async Task GEval_PassesAtSevenTenthsByDefault()
    {
        var (below, _) = await EvaluateAsync(Spec("g-eval", "coherent"), "x", services: Judge("{\"score\": 0.69, \"pass\": true}"));
        var (at, _) = await EvaluateAsync(Spec("g-eval", "coherent"), "x", services: Judge("{\"score\": 0.7}"));

        Assert.False(below.Pass);
        Assert.True(at.Pass);
    }

    [Fact]
    public async Task AnswerRelevance_WithoutValue_JudgesAgainstTheQueryVariable()
    {
        var client = new ScriptedChatClient((_, _) => "{\"score\": 0.9}");
        var evalCase = Case(vars: new Dictionary<string, object?> { ["query"] = "What is the capital of France?" });

        var (score, _) = await EvaluateAsync(Spec("answer-relevance"), "Paris", evalCase, Judge("", client));

        Assert.True(score.Pass);
        Assert.Contains("What is the capital of France?", client.Received[0].Messages[^1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I would say it passes.")]
    [InlineData("{\"reason\": \"no verdict\"}")]
    public async Task MalformedReply_ScoresZeroWithTheReasonEvenUnderNot(string reply)
    {
        var (score, _) = await EvaluateAsync(Spec("model-graded-closedqa", "is polite", negate: true), "hi", services: Judge(reply));

        Assert.Equal((false, 0.0), (score.Pass, score.Value));
        Assert.Contains("could not be read", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoJudge_FailsSayingHowToConfigureOne()
    {
        var (score, _) = await EvaluateAsync(Spec("llm-rubric", "is polite"), "hi");

        Assert.False(score.Pass);
        Assert.Contains("--judge-model", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransientJudgeFailure_FailsThisAssertionOnly_PermanentOnePropagates()
    {
        var transient = new ScriptedChatClient((_, _) => throw new ModelCallException(ModelCallFailure.Transient, "judge overloaded"));
        var permanent = new ScriptedChatClient((_, _) => throw new ModelCallException(ModelCallFailure.Permanent, "bad key"));
        var evalCase = Case(assertions: [Spec("llm-rubric", "is polite"), Spec("contains", "hi")]);

        var score = await new CaseScorer(new ScoringServices { Judge = transient }).ScoreAsync(evalCase, [], "hi", TestContext.Current.CancellationToken);

        Assert.Equal(0.5, score.Value, 6);
        Assert.Contains("judge overloaded", score.Feedback, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ModelCallException>(async () =>
            await new CaseScorer(new ScoringServices { Judge = permanent }).ScoreAsync(evalCase, [], "hi", TestContext.Current.CancellationToken));
    }

    private static Evolve.Core.Suites.EvalCase Retrieval(string? context = "Paris is the capital of France.") => Case(vars: context is null
        ? new Dictionary<string, object?> { ["query"] = "What is the capital of France?" }
        : new Dictionary<string, object?> { ["query"] = "What is the capital of France?", ["context"] = context });

    [Fact]
    public async Task ContextFaithfulness_ShowsQuestionContextAndAnswer_AndPassesAtZeroByDefault()
    {
        var client = new ScriptedChatClient((_, _) => "{\"reason\": \"half is unsupported\", \"pass\": false, \"score\": 0.5}");

        var (score, _) = await EvaluateAsync(Spec("context-faithfulness"), "Paris, a city of 2 million", Retrieval(), Judge("", client));

        var user = Assert.Single(client.Received).Messages[^1].Text;
        Assert.Contains("Question: What is the capital of France?", user, StringComparison.Ordinal);
        Assert.Contains("Paris is the capital of France.", user, StringComparison.Ordinal);
        Assert.Contains("<answer>\nParis, a city of 2 million\n</answer>", user, StringComparison.Ordinal);
        Assert.True(score.Pass);
        Assert.Equal(0.5, score.Value, 6);
    }

    [Fact]
    public async Task ContextRecall_GradesTheContextAgainstTheReference_AndFallsBackOnThePrompt()
    {
        var client = new ScriptedChatClient((_, _) => "{\"pass\": true, \"score\": 1}");

        await EvaluateAsync(Spec("context-recall", "Paris is the capital", threshold: 0.9), "whatever", Retrieval(context: null), Judge("", client), new Answer("whatever") { Prompt = "Docs: Paris is the capital." });

        var call = Assert.Single(client.Received);
        Assert.Contains("<context>\nDocs: Paris is the capital.\n</context>", call.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Contains("<context> is the text to grade", call.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContextRelevance_WithoutContext_IsNotJudged()
    {
        var client = new ScriptedChatClient((_, _) => "{\"pass\": true, \"score\": 1}");

        var (score, _) = await EvaluateAsync(Spec("context-relevance"), "Paris", Retrieval(context: null), Judge("", client));

        Assert.False(score.Pass);
        Assert.Contains("needs the case's 'query' and 'context' vars", score.Feedback, StringComparison.Ordinal);
        Assert.Empty(client.Received);
    }

    [Fact]
    public async Task ConversationRelevance_PassesAtHalf_WithTheConversationVar()
    {
        var client = new ScriptedChatClient((_, _) => "{\"reason\": \"on topic\", \"score\": 0.6}");
        var turns = new List<object?> { new Dictionary<string, object?> { ["input"] = "Hi", ["output"] = "Hello" } };

        var (score, _) = await EvaluateAsync(Spec("conversation-relevance"), "Hello again", Case(vars: new Dictionary<string, object?> { ["_conversation"] = turns }), Judge("", client));

        Assert.True(score.Pass);
        Assert.Contains("User: Hi\nAssistant: Hello", Assert.Single(client.Received).Messages[^1].Text, StringComparison.Ordinal);
    }
}
