using System.Text.Json;
using Evolve.Core.Scoring;
using Evolve.Kernel.Sandbox;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class AssertionRobustnessTests
{
    private static readonly string[] Outputs =
    [
        "", "   ", "42", "The answer is 42.", "{\"a\": 1}", "```python\ndef f():\n    return 1\n```", "{[({", new string('z', 5000), "naïve café — 東京",
    ];

    // python runs in a real sandbox, so PythonEvaluatorTests covers it; select-best and max-score
    // judge no single answer (ComparisonTests covers them).
    public static TheoryData<string> Types() => [.. AssertionTypes.All.Where(t => t != "python" && !AssertionTypes.Comparison.Contains(t))];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task EveryType_AnyOutputEitherSense_ScoresInRangeWithFeedback(string type)
    {
        var runner = FakePythonTestRunner.Returning(new PythonTestCaseResult("test_a", true, null), new PythonTestCaseResult("test_b", false, "AssertionError"));
        // The judge replies as the simulator's does, to the answer it is sent.
        var judge = new ScriptedChatClient((_, options) => Evolve.Kernel.Providers.Sim.SimJudge.Grade((Evolve.Kernel.Providers.JudgeRequest)options!.AdditionalProperties![Evolve.Kernel.Providers.ModelRequestKeys.Judge]!));
        var services = new ScoringServices { PythonTestRunner = runner, Judge = judge };
        var evalCase = Case(expected: "the answer is 42", vars: new Dictionary<string, object?> { ["query"] = "What is the answer?", ["context"] = "The answer is 42." });
        foreach (var negate in new[] { false, true })
        {
            foreach (var output in Outputs)
            {
                var answer = new Answer(output) { Latency = TimeSpan.FromMilliseconds(120), Cost = 0.001m, FinishReason = "stop", LogProbs = [-0.5, -0.2] };
                var threshold = type switch { "latency" => 100, "cost" => 0.01, _ => (double?)null };
                var score = await ScoreAsync(Spec(type, SampleValue(type), negate, threshold), output, evalCase, services, answer);

                Assert.InRange(score.Value, 0, 1);
                Assert.StartsWith((negate ? "not-" : string.Empty) + type + ": ", score.Feedback);
                Assert.Empty(score.Diagnostics);
                Assert.True(score.Feedback.Length < 1500, score.Feedback);
            }
        }
    }

    [Fact]
    public async Task JsonElementValues_FromJsonl_AreRead()
    {
        using var document = JsonDocument.Parse("{\"all\": [\"a\", \"b\"], \"n\": 4.5, \"wc\": {\"min\": 1, \"max\": 2}}");
        var root = document.RootElement;

        Assert.True((await ScoreAsync(Spec("contains-all", root.GetProperty("all")), "a b")).Pass);
        Assert.True((await ScoreAsync(Spec("numeric", root.GetProperty("n")), "4.5")).Pass);
        Assert.True((await ScoreAsync(Spec("word-count", root.GetProperty("wc")), "two words")).Pass);
        Assert.True((await ScoreAsync(Spec("equals", root.GetProperty("n")), "4.5")).Pass);
    }

    private static object? SampleValue(string type) => type switch
    {
        "equals" or "contains" or "icontains" or "starts-with" or "levenshtein" or "f1" => "42",
        "contains-all" or "contains-any" or "icontains-all" or "icontains-any" => "4, 2",
        "regex" => @"\d+",
        "is-json" or "contains-json" => "{\"type\": \"object\"}",
        "numeric" => 42,
        "word-count" => new Dictionary<string, object?> { ["max"] = 3 },
        "python-tests" => "def test_a():\n    assert f() == 1\n",
        "javascript" => "output.length > 2",
        "is-xml" or "contains-xml" => "answer.value",
        "similar" => "the answer is 42",
        "llm-rubric" or "model-graded-closedqa" or "g-eval" => "states the answer 42",
        "factuality" => "The answer is 42.",
        "answer-relevance" => "What is the answer?",
        "context-faithfulness" or "context-relevance" or "conversation-relevance" => null,
        "context-recall" => "The answer is 42.",
        "finish-reason" => "stop",
        "latency" or "cost" or "perplexity" or "perplexity-score" => null,
        "tool-call-f1" => "run_python, search",
        "rouge-n" or "bleu" or "gleu" or "meteor" => "the answer is 42",
        "is-html" or "contains-html" or "is-sql" or "contains-sql" or "is-refusal" => null,
        "is-valid-openai-tools-call" or "is-valid-openai-function-call" or "is-valid-function-call" => null,
        "assert-set" => new List<Evolve.Core.Suites.AssertionSpec> { Spec("contains", "4"), Spec("word-count", 2) },
        _ => throw new InvalidOperationException($"add a sample value for {type}"),
    };
}
