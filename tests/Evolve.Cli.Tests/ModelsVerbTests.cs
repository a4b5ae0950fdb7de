using System.CommandLine;
using Evolve.Cli.Verbs;

namespace Evolve.Cli.Tests;

/// <summary><c>evolve models list|test</c> against loopback servers, with the environment injected.</summary>
public sealed class ModelsVerbTests : IDisposable
{
    private const string OpenAiKey = "sk-proj-0123456789abcdefghijWXYZ";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task List_ThroughTheApp_ListsEveryProviderAndExitsZero()
    {
        var run = await CliRun.InvokeAsync(_dir.Path, "models", "list");

        Assert.Equal(0, run.ExitCode);
        foreach (var form in new[] { "sim[?seed=N", "echo", "openai:MODEL", "ollama:MODEL", "anthropic:MODEL" })
        {
            Assert.Contains(form, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task List_KeysAndEndpointsFromEnvironmentAndFile_ShowsWhereEachComesFromAndMasksTheKey()
    {
        _dir.Write("evolve.yaml", "models:\n  ollama:\n    base_url: gpu-box\n  anthropic:\n    api_key_env: TEAM_KEY\n");

        var run = await InvokeAsync(new() { ["OPENAI_API_KEY"] = OpenAiKey, ["OPENAI_BASE_URL"] = "http://127.0.0.1:8000/v1" }, "models", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"""
            config: {Path.Combine(_dir.Path, "evolve.yaml")}
            sim        sim[?seed=N&latency=200ms&jitter=50ms&competence=X]
                       offline simulator, scores are synthetic; no key
            echo       echo
                       echoes the last user message, no model involved; no key
            openai     openai:MODEL   e.g. openai:gpt-4.1-mini
                       endpoint http://127.0.0.1:8000/v1 (from OPENAI_BASE_URL)
                       key      set (…WXYZ, 32 characters) in OPENAI_API_KEY
            ollama     ollama:MODEL   e.g. ollama:qwen2.5-coder:7b
                       endpoint http://gpu-box:11434 (evolve.yaml:2; override with OLLAMA_HOST)
                       key      not needed
            anthropic  anthropic:MODEL   e.g. anthropic:claude-sonnet-4
                       endpoint https://api.anthropic.com (default; override with ANTHROPIC_BASE_URL)
                       key      not set in TEAM_KEY

            """.ReplaceLineEndings(),
            run.Out);
        Assert.DoesNotContain(OpenAiKey, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openai:gpt-test")]
    [InlineData("ollama:qwen-test:7b")]
    [InlineData("anthropic:claude-test")]
    public async Task Test_ServerAnswers_PrintsModelAnswerLatencyAndTokens(string uri)
    {
        await using var server = Start(uri);

        var run = await InvokeAsync(EnvironmentFor(server, uri), "models", "test", uri);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal([$"model:   {uri}", "answer:  OK"], lines[..2]);
        Assert.Matches("^latency: [0-9]+ ms$", lines[2]);
        Assert.Equal("tokens:  11 in, 7 out", lines[3]);
        Assert.Contains("Say OK", Assert.Single(server.ChatRequests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_WrongKey_ExitsTwoAndNamesTheKeyVariable()
    {
        await using var server = LoopbackServer.OpenAi().Fault(1, LoopbackFault.WithStatus(401));

        var run = await InvokeAsync(EnvironmentFor(server, "openai:gpt-test"), "models", "test", "openai:gpt-test");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: openai:gpt-test: wrong or missing key for openai at {server.Root}/v1 (401; set OPENAI_API_KEY)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenAiKey, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_UnknownModel_ExitsTwoAndNamesTheModel()
    {
        await using var server = LoopbackServer.Ollama().Fault(1, LoopbackFault.WithStatus(404, message: "model \"nope\" not found, try pulling it first"));

        var run = await InvokeAsync(EnvironmentFor(server, "ollama:nope"), "models", "test", "ollama:nope");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: ollama:nope: model 'nope' not found at {server.Root} (404: model \"nope\" not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_UnreachableHost_ExitsThreeAndSaysItMayWorkLater()
    {
        var port = LoopbackServer.UnusedPort();

        var run = await InvokeAsync(new() { ["ANTHROPIC_BASE_URL"] = $"http://127.0.0.1:{port}" }, "models", "test", "anthropic:claude-test");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"error: anthropic:claude-test: cannot reach anthropic at http://127.0.0.1:{port}", run.Error, StringComparison.Ordinal);
        Assert.Contains("may work later", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_HostedProviderWithoutAKey_ExitsTwoBeforeAnyCall()
    {
        var run = await InvokeAsync([], "models", "test", "openai:gpt-4.1-mini");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: command line: uri: openai:gpt-4.1-mini needs an API key: set OPENAI_API_KEY (or point OPENAI_BASE_URL at a server that needs none)\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Test_MalformedEvolveYaml_ExitsTwoNamingTheLineAndField()
    {
        _dir.Write("evolve.yaml", "models:\n  openai:\n    timeout: soon\n");

        var run = await InvokeAsync([], "models", "test", "openai:gpt-test");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: {Path.Combine(_dir.Path, "evolve.yaml")}:3: models.openai.timeout: 'soon' is not a positive duration such as 90s or 5m\n", run.Error.ReplaceLineEndings("\n"));
    }

    private static LoopbackServer Start(string uri) => uri.Split(':')[0] switch
    {
        "openai" => LoopbackServer.OpenAi(),
        "ollama" => LoopbackServer.Ollama(),
        _ => LoopbackServer.Anthropic(),
    };

    private static Dictionary<string, string> EnvironmentFor(LoopbackServer server, string uri) => uri.Split(':')[0] switch
    {
        "openai" => new() { ["OPENAI_BASE_URL"] = server.Root + "/v1", ["OPENAI_API_KEY"] = OpenAiKey },
        "ollama" => new() { ["OLLAMA_HOST"] = server.Root },
        _ => new() { ["ANTHROPIC_BASE_URL"] = server.Root, ["ANTHROPIC_API_KEY"] = "sk-ant-loopback" },
    };

    [Fact]
    public async Task List_KeyWrittenInEvolveYaml_SaysWhereAndThatTheVariableWouldOverrideItWithoutShowingIt()
    {
        _dir.Write("evolve.yaml", "models:\n  openai:\n    api_key: sk-file-0123456789abcdefFILE\n");

        var run = await InvokeAsync([], "models", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("in evolve.yaml:2 (OPENAI_API_KEY would override it)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-file-0123456789abcdef", run.Out, StringComparison.Ordinal);
    }

    private async Task<CliRun> InvokeAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, _dir.Path, DefaultDependencies.Create(TimeProvider.System), Interactive: false);
        var root = new RootCommand { ModelsVerb.Create(context, environment.GetValueOrDefault) };
        var code = await EvolveApp.InvokeAsync(root, args, context, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
