using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Kernel.Tests.Providers.Configuration;

public sealed class WorkspaceModelConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Parse_Providers_ReadsEveryFieldAndLeavesOtherSectionsAlone()
    {
        var config = WorkspaceModelConfig.Parse(
            """
            agent: coding          # other sections belong to other features
            models:
              openai:
                base_url: http://127.0.0.1:8000/v1
                api_key_env: VLLM_API_KEY
                timeout: 90s
              ollama: { base_url: "gpu-box:11434" }
            prices:
              openai:gpt-4.1-mini: { input: 0.40, output: 1.60 }
            """,
            "evolve.yaml");

        Assert.Equal(new ProviderConfig("http://127.0.0.1:8000/v1", "VLLM_API_KEY", TimeSpan.FromSeconds(90), 3), config.For("openai"));
        Assert.Equal("gpu-box:11434", config.For("ollama").BaseUrl);
        Assert.Same(ProviderConfig.None, config.For("anthropic"));
        Assert.Equal(["ollama", "openai"], config.Providers.Keys.Order());
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEachWithItsLineAndField()
    {
        var error = Assert.Throws<InputException>(() => WorkspaceModelConfig.Parse(
            """
            models:
              openai:
                base_url: not a url
                timeout: soon
                colour: blue
              mistral: {}
            """,
            "ws/evolve.yaml"));

        Assert.Equal(
            """
            ws/evolve.yaml:3: models.openai.base_url: 'not a url' is not an http(s) URL, for example https://api.openai.com/v1
            ws/evolve.yaml:4: models.openai.timeout: 'soon' is not a positive duration such as 90s or 5m
            ws/evolve.yaml:5: models.openai.colour: unknown field 'colour'; expected base_url, api_key_env, api_key, timeout
            ws/evolve.yaml:6: models.mistral: unknown provider 'mistral'; expected openai, ollama or anthropic
            """.ReplaceLineEndings(),
            error.Message);
    }

    [Fact]
    public void Parse_AKeyPastedIntoApiKeyEnv_IsRefusedWithoutRepeatingIt()
    {
        var error = Assert.Throws<InputException>(() => WorkspaceModelConfig.Parse(
            "models:\n  openai:\n    api_key_env: sk-proj-0123456789secret\n", "evolve.yaml"));

        var only = Assert.Single(error.Errors);
        Assert.Equal((3, "models.openai.api_key_env"), (only.Line, only.Field));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_NamesTheLine()
    {
        var error = Assert.Throws<InputException>(() => WorkspaceModelConfig.Parse("models:\n  openai: [unclosed\n", "evolve.yaml"));

        Assert.Equal("evolve.yaml", error.Errors[0].File);
        Assert.NotNull(error.Errors[0].Line);
    }

    [Fact]
    public void Load_NoFile_IsEmpty()
    {
        var config = WorkspaceModelConfig.Load(_dir.Path);

        Assert.Null(config.Path);
        Assert.Empty(config.Providers);
    }

    [Fact]
    public void Load_FileInTheWorkspaceRoot_IsReadAndRemembersItsPath()
    {
        var path = System.IO.Path.Combine(_dir.Path, "evolve.yaml");
        File.WriteAllText(path, "models:\n  anthropic:\n    base_url: http://127.0.0.1:9/\n");

        var config = WorkspaceModelConfig.Load(_dir.Path);

        Assert.Equal(path, config.Path);
        Assert.Equal("http://127.0.0.1:9/", config.For("anthropic").BaseUrl);
    }
}
