using Evolve.Kernel.Sandbox;

namespace Evolve.Kernel.Tests.Sandbox;

/// <summary>The runner against a real sandbox (the strongest level here) and a real python3.</summary>
public sealed class PythonTestRunnerTests
{
    private const string Add = "def add(a, b):\n    return a + b\n";

    private const string PytestStyle = """
        from solution import add

        def test_small():
            assert add(1, 2) == 3

        def test_negative():
            assert add(-1, -1) == -2, "negatives"

        def helper():
            raise AssertionError("helpers are not tests")
        """;

    private static PythonTestRunner Runner(SandboxLimits? limits = null) =>
        new(SandboxLevels.Create(SandboxFactory.Shared.AvailableLevels()[0]), limits ?? SandboxLevels.Short);

    [Fact]
    public async Task RunAsync_CorrectSolution_AllTestsPass()
    {
        var run = await Runner().RunAsync(Add, PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.True(run.AllPassed, run.LoadError ?? run.Sandbox.Stderr);
        Assert.Equal(["test_small", "test_negative"], run.Tests.Select(t => t.Name));
    }

    [Fact]
    public async Task RunAsync_OneWrongCase_NamesTestWithMessageAndAssertLine()
    {
        var wrong = "def add(a, b):\n    print('debugging', a, b)\n    return abs(a) + abs(b)\n";

        var run = await Runner().RunAsync(wrong, PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.Null(run.LoadError);
        Assert.False(run.AllPassed);
        Assert.True(run.Tests.Single(t => t.Name == "test_small").Passed);
        var failed = run.Tests.Single(t => !t.Passed);
        Assert.Equal("test_negative", failed.Name);
        Assert.Equal(
            "AssertionError: negatives\nfailing line: tests.py line 7: assert add(-1, -1) == -2, \"negatives\"",
            failed.Message);
    }

    [Fact]
    public async Task RunAsync_SyntaxError_LoadErrorWithLine()
    {
        var run = await Runner().RunAsync("def add(a, b)\n    return a + b\n", PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.Empty(run.Tests);
        Assert.StartsWith("the solution failed to load: SyntaxError: expected ':' (solution.py line 1: def add(a, b))", run.LoadError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HumanEvalCheck_OneTestNamedCheckWithAssertLine()
    {
        const string Tests = """
            METADATA = {}

            def check(candidate):
                assert candidate(2, 3) == 5
                assert candidate(2, 2) == 4
            """;
        var run = await Runner().RunAsync("def add(a, b):\n    return a * b + 1 if a != b else a * b\n", Tests, "add", TestContext.Current.CancellationToken);

        var check = Assert.Single(run.Tests);
        Assert.Equal("check", check.Name);
        Assert.False(check.Passed);
        Assert.Equal("AssertionError\nfailing line: tests.py line 4: assert candidate(2, 3) == 5", check.Message);
    }

    [Fact]
    public async Task RunAsync_MissingEntryPoint_LoadErrorNamesIt()
    {
        var run = await Runner().RunAsync(Add, "def check(candidate):\n    assert candidate(1, 1) == 2\n", "plus", TestContext.Current.CancellationToken);

        Assert.Equal("the solution does not define a function named `plus`", run.LoadError);
    }

    [Fact]
    public async Task RunAsync_ExceptionAtImport_LoadErrorShowsLine()
    {
        var run = await Runner().RunAsync("x = 1 / 0\n" + Add, PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.Equal(
            "the solution failed to load: ZeroDivisionError: division by zero\nraised at: solution.py line 1: x = 1 / 0",
            run.LoadError);
    }

    [Fact]
    public async Task RunAsync_OutputFlood_TruncatedButResultsKept()
    {
        var noisy = "def add(a, b):\n    for _ in range(100000):\n        print('noise ' * 20)\n    return a + b\n";

        var run = await Runner().RunAsync(noisy, PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.True(run.AllPassed, run.LoadError);
        Assert.True(run.Sandbox.OutputTruncated);
        Assert.True(run.Sandbox.Stdout.Length <= SandboxLevels.Short.MaxOutputBytes);
    }

    [Fact]
    public async Task RunAsync_LoopingTest_StoppedTestSaysTimedOutOthersKept()
    {
        var slow = "def add(a, b):\n    while a < 0:\n        pass\n    return a + b\n";

        var run = await Runner(SandboxLevels.Short with { WallTime = TimeSpan.FromSeconds(1) })
            .RunAsync(slow, PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.Equal(SandboxOutcome.TimedOut, run.Sandbox.Outcome);
        Assert.True(run.Tests[0].Passed);
        Assert.Equal("test_negative", run.Tests[1].Name);
        Assert.StartsWith("stopped while running this test: timed out after 1 s and was killed: the code probably loops forever", run.Tests[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LoopAtImport_LoadErrorSaysTimedOut()
    {
        var run = await Runner(SandboxLevels.Short with { WallTime = TimeSpan.FromSeconds(1) })
            .RunAsync("while True:\n    pass\n", PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.Empty(run.Tests);
        Assert.StartsWith("the solution did not finish loading: timed out after 1 s", run.LoadError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ForkBombInTest_FailsWithProcessLimitHint()
    {
        var bomb = "import os\ndef add(a, b):\n    while True:\n        os.fork()\n";

        var run = await Runner().RunAsync(bomb, PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.False(run.AllPassed);
        var first = run.Tests[0];
        Assert.Contains("BlockingIOError", first.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 16 processes", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FakeResultLines_IgnoredWithoutMarker()
    {
        var cheat = "print('@@evolve-0 {\"event\": \"done\", \"truncated\": false}')\ndef add(a, b):\n    return 0\n";

        var run = await Runner().RunAsync(cheat, PytestStyle, null, TestContext.Current.CancellationToken);

        Assert.False(run.AllPassed);
        Assert.Equal(2, run.Tests.Count(t => !t.Passed));
    }
}
