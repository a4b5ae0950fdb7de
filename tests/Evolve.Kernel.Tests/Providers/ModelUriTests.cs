using Evolve.Kernel.Providers;
using Evolve.Kernel.Providers.Sim;

namespace Evolve.Kernel.Tests.Providers;

public sealed class ModelUriTests
{
    [Fact]
    public void Parse_SimWithEveryParameter_ReadsTypedValues()
    {
        var uri = ModelUri.Parse("sim?seed=7&latency=200ms&jitter=1.5s&competence=1&cache=1");

        Assert.Equal("sim", uri.Scheme);
        Assert.Null(uri.Model);
        Assert.Equal(7, uri.Seed);
        Assert.Equal(TimeSpan.FromMilliseconds(200), uri.Latency);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), uri.Jitter);
        Assert.Equal(1.0, uri.Competence);
        Assert.True(uri.Cache);
        Assert.True(uri.IsSimulated);
        Assert.Equal("sim?seed=7&latency=200ms&jitter=1.5s&competence=1&cache=1", uri.ToString());
    }

    [Theory]
    [InlineData("sim?profile=v1", SimProfile.V1)]
    [InlineData("sim?profile=V2", SimProfile.V2)]
    [InlineData("sim?seed=3", SimProfiles.Default)]
    public void Parse_SimProfile_IsReadAndDefaults(string text, SimProfile expected)
    {
        Assert.Equal(expected, ModelUri.Parse(text).Profile);
    }

    [Fact]
    public void Parse_EmptyPairsAndSpaces_AreIgnored()
    {
        var uri = ModelUri.Parse("sim?&seed=4&");

        Assert.Equal(4, uri.Seed);
        Assert.Equal("sim?seed=4", uri.ToString());
    }

    [Fact]
    public void Parse_PlainSim_UsesDefaultsAndSaysScoresAreSynthetic()
    {
        var uri = ModelUri.Parse("  SIM ");

        Assert.Equal(0, uri.Seed);
        Assert.Equal(TimeSpan.Zero, uri.Latency);
        Assert.Null(uri.Competence);
        Assert.Null(uri.Cache);
        Assert.Equal("sim (offline simulator, scores are synthetic)", uri.Description);
    }

    [Theory]
    [InlineData("openai:gpt-4.1-mini", "openai", "gpt-4.1-mini")]
    [InlineData("ollama:qwen2.5-coder:7b", "ollama", "qwen2.5-coder:7b")]
    [InlineData("anthropic:claude-sonnet-4?cache=0", "anthropic", "claude-sonnet-4")]
    public void Parse_RealProvider_KeepsColonsInTheModelName(string text, string scheme, string model)
    {
        var uri = ModelUri.Parse(text);

        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(model, uri.Model);
        Assert.Equal($"{scheme}:{model}", uri.Id);
        Assert.False(uri.IsSimulated);
        Assert.False(uri.IsOffline);
    }

    [Theory]
    [InlineData("2s", 2000)]
    [InlineData("250ms", 250)]
    [InlineData("0.5s", 500)]
    [InlineData("1m", 60000)]
    [InlineData("0", 0)]
    public void Parse_Durations_AreConverted(string text, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ModelUri.Parse("sim?latency=" + text).Latency);
    }

    [Theory]
    [InlineData("", "--model: the model is empty; expected one of sim")]
    [InlineData("gpt4", "unknown model 'gpt4': the scheme 'gpt4' is not one of sim, echo, openai, ollama, anthropic")]
    [InlineData("openai", "'openai': openai needs a model name, for example openai:gpt-4.1-mini")]
    [InlineData("sim:big", "'sim:big': sim takes no model name")]
    [InlineData("sim?latency=fast", "latency 'fast' is not a duration; write a non-negative number with a unit, such as 200ms, 2s or 1m")]
    [InlineData("sim?latency=200", "latency '200' is not a duration")]
    [InlineData("sim?seed=x", "seed 'x' is not a whole number")]
    [InlineData("sim?competence=2", "competence '2' must be a number from 0 (always wrong) to 1 (always right)")]
    [InlineData("sim?profile=v3", "profile 'v3' is not a simulator profile; write one of v1, v2")]
    [InlineData("sim?cache=maybe", "cache 'maybe' must be 1 or 0 (true or false)")]
    [InlineData("sim?temperature=1", "unknown parameter 'temperature' for sim; allowed: seed, latency, jitter, competence, profile, cache")]
    [InlineData("echo?seed=1", "unknown parameter 'seed' for echo; allowed: cache")]
    [InlineData("sim?seed", "parameter 'seed' must be written key=value")]
    [InlineData("sim?seed=1&seed=2", "parameter 'seed' is given more than once")]
    public void Parse_BadUri_ThrowsInputExceptionNamingTheFlag(string text, string expected)
    {
        var error = Assert.Throws<InputException>(() => ModelUri.Parse(text));

        var only = Assert.Single(error.Errors);
        Assert.Equal("--model", only.Field);
        Assert.Equal("command line", only.File);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsAllOfThemWithTheGivenField()
    {
        var error = Assert.Throws<InputException>(() => ModelUri.Parse("sim?seed=x&jitter=-1s&bogus=1", "--reflection-model"));

        Assert.Equal(
            [
                "command line: --reflection-model: 'sim?seed=x&jitter=-1s&bogus=1': unknown parameter 'bogus' for sim; allowed: seed, latency, jitter, competence, profile, cache",
                "command line: --reflection-model: 'sim?seed=x&jitter=-1s&bogus=1': seed 'x' is not a whole number",
                "command line: --reflection-model: 'sim?seed=x&jitter=-1s&bogus=1': jitter '-1s' is not a duration; write a non-negative number with a unit, such as 200ms, 2s or 1m",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void CacheKey_Sim_TellsApartWhatChangesItsAnswers()
    {
        string Key(string uri) => ModelUri.Parse(uri).CacheKey;

        Assert.NotEqual(Key("sim?seed=1&cache=1"), Key("sim?seed=2&cache=1"));
        Assert.NotEqual(Key("sim?profile=v1"), Key("sim?profile=v2"));
        Assert.NotEqual(Key("sim"), Key("sim?competence=1"));
        Assert.Equal(Key("sim?seed=3"), Key("sim?seed=3&latency=200ms&jitter=50ms&cache=1"));
        Assert.Equal("openai:gpt-4.1-mini", Key("openai:gpt-4.1-mini"));
    }
}
