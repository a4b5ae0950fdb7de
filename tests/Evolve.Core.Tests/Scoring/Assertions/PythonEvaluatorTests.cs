using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Kernel.Sandbox;
using static Evolve.Core.Tests.Scoring.ScoringKit;

namespace Evolve.Core.Tests.Scoring.Assertions;

/// <summary>python assertions in the strongest sandbox this machine has (skipped without python3).</summary>
public sealed class PythonEvaluatorTests : IDisposable
{
    private readonly string _suite = Directory.CreateTempSubdirectory("evolve-python-assert-").FullName;

    public void Dispose() => Directory.Delete(_suite, recursive: true);

    private static async Task<ScoringServices> SandboxedAsync()
    {
        if (PythonLocator.Executable is null)
        {
            Assert.Skip("python3 is not installed: " + PythonLocator.InstallHint);
        }

        return new ScoringServices { Sandbox = await SandboxFactory.Shared.CreateAsync(null) };
    }

    private static EvalCase Team(string team, int wins) => Case(vars: new Dictionary<string, object?> { ["team"] = team, ["wins"] = wins });

    private AssertionSpec InSuite(AssertionSpec spec) => spec with { Source = new SourceLocation(Path.Combine(_suite, "cases.yaml"), 4) };

    [Fact]
    public async Task Inline_ExpressionAndBody_ReadOutputAndContext()
    {
        var services = await SandboxedAsync();
        var evalCase = Team("Owls", 8);

        var expression = await ScoreAsync(Spec("python", "'Owls' in output and int(context['vars']['wins']) > 5"), "Owls won", evalCase, services);
        var body = await ScoreAsync(Spec("python", "wins = int(context['vars']['wins'])\nreturn wins / 10", threshold: 0.9), "x", evalCase, services);
        var prompt = await ScoreAsync(Spec("python", "context['prompt'].startswith('Report')"), "x", evalCase, services, new Answer("x") { Prompt = "Report on Owls" });

        Assert.True(expression.Pass);
        Assert.Equal((false, 0.8), (body.Pass, Math.Round(body.Value, 6)));
        Assert.Contains("it scored 0.8, threshold 0.9", body.Feedback, StringComparison.Ordinal);
        Assert.True(prompt.Pass);
    }

    [Fact]
    public async Task File_GetAssertAndNamedFunction_GiveTheirResults()
    {
        var services = await SandboxedAsync();
        File.WriteAllText(Path.Combine(_suite, "check.py"), """
            def get_assert(output, context):
                return {"pass": "Lions" in output, "score": 0.7, "reason": "named the team"}

            def short(output, context):
                return len(output) < 5
            """);

        var graded = await ScoreAsync(InSuite(Spec("python", "file://check.py")), "Go Lions", services: services);
        var named = await ScoreAsync(InSuite(Spec("python", "file://check.py:short")), "a long answer", services: services);

        Assert.Equal((true, 0.7), (graded.Pass, graded.Value));
        Assert.False(named.Pass);
        Assert.Contains("check.py:short", named.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotPython_Inverts()
    {
        var score = await ScoreAsync(Spec("python", "'losses' in output", negate: true), "3 wins", services: await SandboxedAsync());

        Assert.True(score.Pass);
    }

    [Theory]
    [InlineData("return (", "SyntaxError")]
    [InlineData("x = 1\nraise ValueError('bad input')", "ValueError: bad input")]
    [InlineData("x = 1\nreturn object()", "it returned object")]
    [InlineData("while True:\n    pass", "")]
    [InlineData("x = bytearray(2 * 1024 * 1024 * 1024)\nreturn True", "")]
    public async Task BrokenOrHostile_FailsEvenUnderNotWithTheReason(string code, string reason)
    {
        var score = await ScoreAsync(Spec("python", code, negate: true), "answer", services: await SandboxedAsync());

        Assert.False(score.Pass);
        Assert.Equal(0, score.Value);
        Assert.Contains("could not judge this answer", score.Feedback, StringComparison.Ordinal);
        Assert.Contains(reason, score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintedFakeResult_IsNotTakenForTheCheck()
    {
        var score = await ScoreAsync(Spec("python", "print('{\"pass\": true, \"score\": 1}')\nreturn False"), "answer", services: await SandboxedAsync());

        Assert.False(score.Pass);
    }

    [Fact]
    public async Task OutsideTheWorkFolder_WritesAndNetworkAreRefused()
    {
        var services = await SandboxedAsync();
        if (services.Sandbox!.Level == SandboxLevel.Process)
        {
            Assert.Skip("the process sandbox isolates no file system or network on this machine");
        }

        var target = Path.Combine(_suite, "escaped.txt");
        var write = await ScoreAsync(Spec("python", $"open({System.Text.Json.JsonSerializer.Serialize(target)}, 'w').write('x')\nreturn True"), "a", services: services);
        var network = await ScoreAsync(Spec("python", "import socket\nsocket.create_connection(('1.1.1.1', 53), timeout=2)\nreturn True"), "a", services: services);

        Assert.False(write.Pass);
        Assert.False(File.Exists(target));
        Assert.False(network.Pass);
    }

    [Fact]
    public async Task NoSandbox_FailsSayingSo()
    {
        var score = await ScoreAsync(Spec("python", "True"), "a");

        Assert.False(score.Pass);
        Assert.Contains("no sandbox is configured", score.Feedback, StringComparison.Ordinal);
    }
}
