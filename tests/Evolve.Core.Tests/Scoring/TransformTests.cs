using Evolve.Core.Scoring;
using Evolve.Core.Suites;
using Evolve.Core.Tests.Suites;

namespace Evolve.Core.Tests.Scoring;

public sealed class TransformTests : IDisposable
{
    private readonly TempEvals _evals = new();

    public void Dispose() => _evals.Dispose();

    private async Task<CaseScore> ScoreAsync(string assertion, string output)
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", $"- id: one\n  assert:\n    - {assertion}\n");
        var suite = SuiteLoader.Load(_evals.EvalsDir, "s");
        return await new CaseScorer().ScoreAsync(suite.Cases[0], suite.DefaultAssertions, output, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Transform_RunsOnTheAnswerBeforeTheCheck()
    {
        Assert.True((await ScoreAsync("{ type: equals, value: paris, transform: output.trim().toLowerCase() }", "  PARIS ")).Pass);
        Assert.False((await ScoreAsync("{ type: equals, value: paris }", "  PARIS ")).Pass);
    }

    [Fact]
    public async Task Transform_ObjectResult_IsCheckedAsJson()
    {
        var score = await ScoreAsync("{ type: is-json, transform: '({ length: output.length })' }", "four");

        Assert.True(score.Pass, score.Feedback);
    }

    [Fact]
    public async Task Transform_ThatThrows_FailsThisAssertionWithTheReason()
    {
        var score = await ScoreAsync("{ type: contains, value: x, transform: JSON.parse(output).x }", "not json");

        Assert.False(score.Pass);
        Assert.Contains("its transform could not run on this answer (the script threw", score.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_ThatDoesNotParse_IsASuiteErrorNamingTheField()
    {
        _evals.Write("s/suite.yaml", "agent: a\ncases: [c.yaml]\n");
        _evals.Write("s/c.yaml", "- id: one\n  assert: [{ type: contains, value: x, transform: 'output.trim(' }]\n");

        var error = LoadErrors.Single(_evals, "s");

        Assert.Equal("assert[0].transform", error.Field);
        Assert.StartsWith("the JavaScript does not parse", error.Message, StringComparison.Ordinal);
    }
}
