using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Kernel.Tests.Providers.Configuration;

public sealed class ProviderSettingsTests
{
    private static readonly WorkspaceModelConfig File = WorkspaceModelConfig.Parse(
        """
        models:
          openai:
            base_url: http://file-host:8000/v1
            timeout: 45s
          anthropic:
            api_key_env: TEAM_ANTHROPIC_KEY
        """,
        "evolve.yaml");

    [Fact]
    public void Resolve_EndpointInBothEnvironmentAndFile_TheEnvironmentWins()
    {
        var settings = ProviderSettings.Resolve("openai", File, Environment(("OPENAI_BASE_URL", "http://env-host:9000/v1/"), ("OPENAI_API_KEY", "sk-env")));

        Assert.Equal(("http://env-host:9000/v1", "OPENAI_BASE_URL"), (settings.EndpointText, settings.EndpointSource));
        Assert.Equal("sk-env", settings.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.Timeout);
    }

    [Fact]
    public void Resolve_EndpointOnlyInTheFile_UsesItAndNamesTheLine()
    {
        var settings = ProviderSettings.Resolve("openai", File, Environment());

        Assert.Equal(("http://file-host:8000/v1", "evolve.yaml:2"), (settings.EndpointText, settings.EndpointSource));
        Assert.False(settings.HasKey);
        Assert.Equal("OPENAI_API_KEY", settings.KeyVariable);
    }

    [Fact]
    public void Resolve_FileNamesTheKeyVariable_ReadsOnlyThatVariable()
    {
        var settings = ProviderSettings.Resolve("anthropic", File, Environment(("ANTHROPIC_API_KEY", "sk-personal"), ("TEAM_ANTHROPIC_KEY", "sk-team")));

        Assert.Equal(("sk-team", "TEAM_ANTHROPIC_KEY"), (settings.ApiKey, settings.KeyVariable));
    }

    [Fact]
    public void Resolve_NothingConfigured_UsesTheDefaults()
    {
        var settings = ProviderSettings.Resolve("ollama", WorkspaceModelConfig.Empty, Environment());

        Assert.Equal(("http://127.0.0.1:11434", "default", null), (settings.EndpointText, settings.EndpointSource, settings.KeyVariable));
        Assert.Equal(ProviderSettings.DefaultTimeout, settings.Timeout);
    }

    [Theory]
    [InlineData("gpu-box", "http://gpu-box:11434")]
    [InlineData("gpu-box:8080", "http://gpu-box:8080")]
    [InlineData("0.0.0.0:11434", "http://0.0.0.0:11434")]
    [InlineData("https://ollama.internal", "https://ollama.internal")]
    public void Resolve_OllamaHostWrittenLikeOllamaAccepts_BecomesAUrl(string host, string expected)
    {
        var settings = ProviderSettings.Resolve("ollama", WorkspaceModelConfig.Empty, Environment(("OLLAMA_HOST", host)));

        Assert.Equal(expected, settings.EndpointText);
    }

    [Fact]
    public void Resolve_EndpointVariableIsNotAUrl_IsBadInputNamingTheVariable()
    {
        var error = Assert.Throws<InputException>(() => ProviderSettings.Resolve("openai", WorkspaceModelConfig.Empty, Environment(("OPENAI_BASE_URL", "localhost:8000"))));

        Assert.Equal("environment: OPENAI_BASE_URL: 'localhost:8000' is not an http(s) URL, for example https://api.openai.com/v1", error.Message);
    }

    [Fact]
    public void ToString_WithAKey_ShowsOnlyItsLastFourCharacters()
    {
        var settings = ProviderSettings.Resolve("openai", WorkspaceModelConfig.Empty, Environment(("OPENAI_API_KEY", "sk-proj-abcdefghijklmnopqrstuvwxyz1234")));

        Assert.Equal("openai at https://api.openai.com/v1 (default), key set (…1234, 38 characters) from OPENAI_API_KEY", settings.ToString());
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
