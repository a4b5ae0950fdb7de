using Evolve.Kernel.Providers.Configuration;

namespace Evolve.Kernel.Tests.Providers.Configuration;

/// <summary><c>api_key:</c> in evolve.yaml: used when the key variable is unset, never printed, and the environment wins.</summary>
public sealed class FileKeyTests
{
    private const string FileKey = "sk-file-0123456789abcdefFILE";

    private static readonly WorkspaceModelConfig Config = WorkspaceModelConfig.Parse(
        $"""
        models:
          openai:
            base_url: http://127.0.0.1:8000/v1
            api_key: {FileKey}
        """,
        "evolve.yaml");

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Resolve_KeyOnlyInTheFile_UsesItAndSaysWhere()
    {
        var settings = ProviderSettings.Resolve("openai", Config, Environment());

        Assert.Equal(FileKey, settings.ApiKey);
        Assert.Equal(("OPENAI_API_KEY", "evolve.yaml:2"), (settings.KeyVariable, settings.KeySource));
    }

    [Fact]
    public void Resolve_KeyInTheEnvironmentToo_TheEnvironmentWins()
    {
        var settings = ProviderSettings.Resolve("openai", Config, Environment(("OPENAI_API_KEY", "sk-env-key")));

        Assert.Equal("sk-env-key", settings.ApiKey);
        Assert.Equal("OPENAI_API_KEY", settings.KeySource);
    }

    [Fact]
    public void ToString_KeyFromTheFile_NeverShowsIt()
    {
        var settings = ProviderSettings.Resolve("openai", Config, Environment());

        Assert.DoesNotContain(FileKey, settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FileKey, settings.MaskedKey, StringComparison.Ordinal);
        Assert.DoesNotContain(FileKey, Config.For("openai").ToString(), StringComparison.Ordinal);
        Assert.Contains("evolve.yaml:2", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyKey_IsAnErrorNamingTheLineAndField()
    {
        var error = Assert.Throws<InputException>(() => WorkspaceModelConfig.Parse("models:\n  openai:\n    api_key: \"\"\n", "evolve.yaml"));

        Assert.Equal("evolve.yaml:3: models.openai.api_key: is empty; remove it or put the key in the environment", Assert.Single(error.Errors).ToString());
    }
}
