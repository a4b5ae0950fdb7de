using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Evolve.Cli.Tests.Verbs;

/// <summary><c>evolve score serve --suite S</c> over real HTTP on 127.0.0.1: eval's rollouts per request, bad input a 400 naming the field.</summary>
public sealed class ScoreServeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Score_LiveFilesAllCases_MatchesWhatEvalScoresForTheSameCandidate()
    {
        using var dir = SmallWorkspace.Create();
        var eval = await CliRun.InvokeAsync(dir.Path, "eval", "--suite", "qa", "--repeat", "2", "--format", "json");
        Assert.Equal(0, eval.ExitCode);
        var expected = JsonNode.Parse(eval.Out)!;
        await using var served = await ServedCommand.StartAsync(dir.Path, "score", "serve", "--suite", "qa");

        var (status, body) = await ScoreAsync(served, """{"repeat": 2}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected["candidate"]!.GetValue<string>(), body["candidate"]!.GetValue<string>());
        Assert.Equal("sim", body["model"]!.GetValue<string>());
        Assert.Equal(expected["simulated"]!.GetValue<bool>(), body["simulated"]!.GetValue<bool>());
        Assert.Equal(expected["modelNote"]!.GetValue<string>(), body["modelNote"]!.GetValue<string>());
        var cases = body["cases"]!.AsArray();
        Assert.Equal(["france", "japan", "peru"], cases.Select(c => c!["id"]!.GetValue<string>()));
        foreach (var (want, got) in expected["cases"]!.AsArray().Zip(cases))
        {
            Assert.Equal(want!["meanScore"]!.GetValue<double>(), got!["score"]!.GetValue<double>());
            Assert.Equal(want["passRate"]!.GetValue<double>() == 1, got["pass"]!.GetValue<bool>());
            Assert.Equal(want["rollouts"]![0]!["output"]!.GetValue<string>(), got["output"]!.GetValue<string>());
            Assert.Equal(want["rollouts"]![0]!["feedback"]!.GetValue<string>(), got["feedback"]!.GetValue<string>());
            Assert.Equal(2, got["repeats"]!.AsArray().Count);
            Assert.True(got["tokens"]!.GetValue<long>() > 0);
        }
    }

    [Fact]
    public async Task Score_NamedCasesAndComponents_ScoresJustThoseWithTheGivenText()
    {
        using var dir = SmallWorkspace.Create();
        await using var served = await ServedCommand.StartAsync(dir.Path, "score", "serve", "--suite", "qa");

        var (_, live) = await ScoreAsync(served, """{"cases": ["peru", "france"]}""");
        var (status, changed) = await ScoreAsync(served, """{"cases": ["peru", "france"], "repeat": 3, "components": {"system.sbn": "Answer with the capital city only, in one word."}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["france", "peru"], changed["cases"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(changed["cases"]!.AsArray(), c => Assert.Equal(3, c!["repeats"]!.AsArray().Count));
        Assert.Equal(3, changed["repeat"]!.GetValue<int>());
        Assert.NotEqual(live["candidate"]!.GetValue<string>(), changed["candidate"]!.GetValue<string>());
        Assert.Contains("scored ", served.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"cases": ["atlantis"]}""", "cases", "no case 'atlantis' in suite qa")]
    [InlineData("""{"components": {"nosuch.sbn": "hi"}}""", "components.nosuch.sbn", "agent qa has no component 'nosuch.sbn'; it has system.sbn, task.sbn")]
    [InlineData("""{"components": {"task.sbn": "What is {{ if }}?"}}""", "components.task.sbn", "components.task.sbn")]
    [InlineData("""{"repeat": 0}""", "repeat", "must be in 1-100, not 0")]
    [InlineData("""{"case": ["peru"]}""", "case", "unknown field 'case'")]
    [InlineData("""{"model": "nosuch:model"}""", "model", "unknown model")]
    [InlineData("""{"split": "test"}""", "split", "'split' must be one of all, train, val, holdout")]
    [InlineData("""[1, 2]""", null, "must be a JSON object")]
    public async Task Score_BadInput_Returns400NamingTheFieldAndRunsNothing(string json, string? param, string message)
    {
        using var dir = SmallWorkspace.Create();
        await using var served = await ServedCommand.StartAsync(dir.Path, "score", "serve", "--suite", "qa");

        var (status, body) = await ScoreAsync(served, json);
        var run = await served.StopAsync();

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = body["error"]!;
        Assert.Equal("invalid_request_error", error["type"]!.GetValue<string>());
        Assert.Equal(param, error["param"]?.GetValue<string>());
        Assert.Contains(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("usage: 0 model calls", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Requests_StoreNoRun()
    {
        using var dir = SmallWorkspace.Create();
        await using var served = await ServedCommand.StartAsync(dir.Path, "score", "serve", "--suite", "qa");

        var (status, _) = await ScoreAsync(served, "{}");
        var run = await served.StopAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Empty(SmallWorkspace.RunFolders(dir));
        Assert.Contains("usage: 3 model calls", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UnknownSuite_RefusedBeforeBinding()
    {
        using var dir = SmallWorkspace.Create();

        var run = await ServedCommand.RefusedAsync(dir.Path, _ => null, "score", "serve", "--suite", "atlantis", "--port", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("atlantis", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("serving", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NonLoopbackHostWithoutKey_RefusedBeforeBinding()
    {
        using var dir = SmallWorkspace.Create();

        var run = await ServedCommand.RefusedAsync(dir.Path, _ => null, "score", "serve", "--suite", "qa", "--host", "0.0.0.0", "--port", "0");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("error: command line: --host: 0.0.0.0 is reachable from other machines", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ScoreAsync(ServedCommand served, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await served.Http.PostAsync(new Uri("/v1/score", UriKind.Relative), content, Ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }
}
