using System.Text.Json;

namespace Evolve.Cli.Tests.Verbs;

/// <summary>The shipped coding suite end to end: sim answers, hidden tests run in the real sandbox.</summary>
public sealed class CodingEvalTests
{
    [Fact]
    public async Task Eval_AlwaysRightSim_PassesEveryHiddenTest()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "coding", "--split", "holdout", "--model", "sim?competence=1", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1.0, json.RootElement.GetProperty("summary").GetProperty("meanScore").GetDouble());
        Assert.Contains("sandbox: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_AlwaysWrongSim_FailsWithFeedbackNamingTheFailingTest()
    {
        using var dir = Workspace.CopyShipped();

        var run = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "coding", "--split", "val", "--model", "sim?competence=0", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var rollouts = json.RootElement.GetProperty("cases").EnumerateArray().SelectMany(c => c.GetProperty("rollouts").EnumerateArray()).ToList();
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("meanScore").GetDouble() < 0.7);
        // A corruption can be harmless for some functions (an equivalent change); most must fail.
        Assert.True(rollouts.Count(r => r.GetProperty("pass").GetBoolean()) <= rollouts.Count / 4);
        Assert.Contains(rollouts, r => r.GetProperty("feedback").GetString()!.Contains("test_", StringComparison.Ordinal));
    }
}
