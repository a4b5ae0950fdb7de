using Evolve.Core.Scoring;
using Evolve.Kernel.Sandbox;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

public sealed class PythonTestsEvaluatorTests
{
    private const string Tests = "def test_empty_list_returns_zero():\n    assert sum_even([]) == 0\n\ndef test_negative():\n    assert sum_even([-2]) == -2\n";

    private const string Answer = "Here is the function:\n\n```bash\npip install nothing\n```\n\n```python\ndef sum_even(xs):\n    return sum(x for x in xs if x % 2 == 0)\n```\n\nIt sums the even numbers.";

    [Fact]
    public async Task PythonTests_FencedAnswer_RunsTheFirstPythonBlockWithEntryPoint()
    {
        var runner = FakePythonTestRunner.Returning(new("test_empty_list_returns_zero", true, null), new("test_negative", true, null));
        var evalCase = Case(vars: new Dictionary<string, object?> { ["entry_point"] = "sum_even" });

        var score = await ScoreAsync(Spec("python-tests", Tests), Answer, evalCase, new ScoringServices { PythonTestRunner = runner });

        Assert.True(score.Pass);
        Assert.Equal(1, score.Value);
        var call = Assert.Single(runner.Calls);
        Assert.Equal("def sum_even(xs):\n    return sum(x for x in xs if x % 2 == 0)\n", call.Solution);
        Assert.Equal(Tests, call.Tests);
        Assert.Equal("sum_even", call.EntryPoint);
    }

    [Fact]
    public async Task PythonTests_NoFence_RunsWholeAnswerWithoutEntryPoint()
    {
        var runner = FakePythonTestRunner.Returning(new PythonTestCaseResult("test_a", true, null));

        await ScoreAsync(Spec("python-tests", Tests), "def f():\n    return 1\n", services: new ScoringServices { PythonTestRunner = runner });

        var call = Assert.Single(runner.Calls);
        Assert.Equal("def f():\n    return 1\n", call.Solution);
        Assert.Null(call.EntryPoint);
    }

    [Fact]
    public async Task PythonTests_SomeFail_ScoresFractionAndNamesEachFailingTest()
    {
        var runner = FakePythonTestRunner.Returning(
            new("test_empty_list_returns_zero", true, null),
            new("test_negative", false, "AssertionError: assert 0 == -2 (line: assert sum_even([-2]) == -2)"),
            new("test_unicode", false, "TypeError: unsupported operand"),
            new("test_big", true, null));

        var score = await ScoreAsync(Spec("python-tests", Tests), Answer, services: new ScoringServices { PythonTestRunner = runner });

        Assert.False(score.Pass);
        Assert.Equal(0.5, score.Value);
        Assert.Equal(
            "python-tests: 2 of 4 hidden tests failed: test_negative: AssertionError: assert 0 == -2 (line: assert sum_even([-2]) == -2); test_unicode: TypeError: unsupported operand — fix the code so these cases pass.",
            score.Feedback);
    }

    [Fact]
    public async Task PythonTests_WithThreshold_PassesAtFraction()
    {
        var runner = FakePythonTestRunner.Returning(new("test_a", true, null), new("test_b", false, "boom"));

        var score = await ScoreAsync(Spec("python-tests", Tests, threshold: 0.5), Answer, services: new ScoringServices { PythonTestRunner = runner });

        Assert.True(score.Pass);
        Assert.Equal(0.5, score.Value);
    }

    [Fact]
    public async Task PythonTests_LoadError_FailsWithErrorAndFenceAdvice()
    {
        var runner = new FakePythonTestRunner(() => new PythonTestRun([], "SyntaxError: invalid syntax (solution.py, line 1)", FakePythonTestRunner.Exited()));

        var score = await ScoreAsync(Spec("python-tests", Tests), "I would write a loop.", services: new ScoringServices { PythonTestRunner = runner });

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.StartsWith("python-tests: the code did not load: SyntaxError: invalid syntax (solution.py, line 1) (no ```python block was found", score.Feedback);
    }

    [Fact]
    public async Task PythonTests_TimedOut_SaysWhichLimitWasHit()
    {
        var sandbox = new SandboxResult(SandboxOutcome.TimedOut, -1, "", "", false, TimeSpan.FromSeconds(10), SandboxLevel.Process, "killed after the 10 s wall-time limit");
        var runner = new FakePythonTestRunner(() => new PythonTestRun([], null, sandbox));

        var score = await ScoreAsync(Spec("python-tests", Tests), Answer, services: new ScoringServices { PythonTestRunner = runner });

        Assert.False(score.Pass);
        Assert.Contains("the run hit a limit: killed after the 10 s wall-time limit", score.Feedback);
        Assert.Equal("killed after the 10 s wall-time limit", Assert.Single(score.Diagnostics));
    }

    [Fact]
    public async Task PythonTests_NoRunner_FailsWithDiagnosticInsteadOfThrowing()
    {
        var score = await ScoreAsync(Spec("python-tests", Tests), Answer);

        Assert.False(score.Pass);
        Assert.Contains("no Python test runner is configured", score.Feedback);
        Assert.Contains("IPythonTestRunner", Assert.Single(score.Diagnostics));
    }

    [Fact]
    public async Task NotPythonTests_AllPass_Fails()
    {
        var runner = FakePythonTestRunner.Returning(new PythonTestCaseResult("test_a", true, null));

        var score = await ScoreAsync(Spec("python-tests", Tests, negate: true), Answer, services: new ScoringServices { PythonTestRunner = runner });

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.Equal("not-python-tests: the code must fail the hidden tests, but 1 of 1 passed.", score.Feedback);
    }

    [Fact]
    public async Task PythonTests_ValueWithoutTests_IsBadDataAndRunsNothing()
    {
        var runner = FakePythonTestRunner.Returning(new PythonTestCaseResult("test_a", true, null));

        var score = await ScoreAsync(Spec("python-tests", "print('hi')"), Answer, services: new ScoringServices { PythonTestRunner = runner });

        Assert.False(score.Pass);
        Assert.Contains("defines no test_* function and no check(candidate) function", Assert.Single(score.Diagnostics));
        Assert.Empty(runner.Calls);
    }
}
